import type { EncryptedSavedObjectTypeRegistration } from '@kbn/encrypted-saved-objects-plugin/server';
import { connectionEncryptionRegistration } from '../../../server/saved_objects/connection_type';
import { validateEncryptedTypeRegistration } from './encrypted_type_rules';

/**
 * Texts from encrypted_saved_objects_service.ts @ 0ecce7ed and
 * encrypted_saved_object_type_definition.ts @ 099372c8.
 */

const none = new Set<string>();

function registration(extra: Partial<EncryptedSavedObjectTypeRegistration> = {}) {
  return { type: 'test-type', attributesToEncrypt: new Set(['secret']), ...extra };
}

describe('encrypted saved object type registration rules', () => {
  it("accepts our plugin's connection registration", () => {
    expect(() =>
      validateEncryptedTypeRegistration(connectionEncryptionRegistration, none)
    ).not.toThrow();
  });

  it('refuses an empty attributesToEncrypt', () => {
    expect(() =>
      validateEncryptedTypeRegistration(registration({ attributesToEncrypt: new Set() }), none)
    ).toThrow(new Error('The "attributesToEncrypt" array for "test-type" is empty.'));
  });

  it('refuses a type already registered', () => {
    expect(() => validateEncryptedTypeRegistration(registration(), new Set(['test-type']))).toThrow(
      new Error('The "test-type" saved object type is already registered.')
    );
  });

  it('refuses AAD attributes that are also encrypted, whichever way they are named', () => {
    const overlapping = registration({
      attributesToEncrypt: new Set(['secret', { key: 'token', dangerouslyExposeValue: true }]),
      attributesToIncludeInAAD: new Set(['token', 'name', 'secret']),
    });
    expect(() => validateEncryptedTypeRegistration(overlapping, none)).toThrow(
      new Error(
        "Invalid EncryptedSavedObjectTypeRegistration for type 'test-type'. attributesToIncludeInAAD must not contain any values in attributesToEncrypt: secret,token"
      )
    );
  });

  it('refuses dotted keys, naming each set that has them', () => {
    const dotted = registration({
      attributesToEncrypt: new Set(['ssl.key', { key: 'a.b' }]),
      attributesToIncludeInAAD: new Set(['url.port']),
    });
    expect(() => validateEncryptedTypeRegistration(dotted, none)).toThrow(
      new Error(
        "Invalid EncryptedSavedObjectTypeRegistration for type 'test-type'. Attribute keys are matched as flat top-level attribute names, not as nested paths. These dotted attributesToEncrypt keys are not permitted to prevent misuse: ssl.key, a.b. These dotted attributesToIncludeInAAD keys are not permitted to prevent misuse: url.port."
      )
    );
  });
});
