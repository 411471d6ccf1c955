import type {
  EncryptedSavedObjectTypeRegistration,
  EncryptedSavedObjectsPluginSetup,
  EncryptedSavedObjectsPluginStart,
} from '@kbn/encrypted-saved-objects-plugin/server';
import type { SavedObject } from '@kbn/core/server';
import { AttributeCipher } from './attribute_cipher';
import { validateEncryptedTypeRegistration } from './encrypted_type_rules';
import type { SavedObjectsService } from './saved_objects_service';

class EncryptionError extends Error {}

function attributeKey(entry: string | { key: string }) {
  return typeof entry === 'string' ? entry : entry.key;
}

/**
 * Stands in for the encrypted saved objects plugin: registered attributes are stored as AES-256-GCM
 * ciphertext, stripped from every normal read, and only `getDecryptedAsInternalUser` returns them.
 * As in Kibana, the AAD holds the object's descriptor and the AAD attributes written with it.
 */
export class EncryptedSavedObjectsService {
  private readonly registrations = new Map<string, EncryptedSavedObjectTypeRegistration>();
  private readonly cipher: AttributeCipher | undefined;

  constructor(
    encryptionKey: string | undefined,
    private readonly savedObjects: SavedObjectsService
  ) {
    this.cipher = encryptionKey ? new AttributeCipher(encryptionKey) : undefined;
    savedObjects.useTransforms({
      forWrite: (type, id, attributes) => this.encrypt(type, id, attributes),
      forRead: (type, attributes) => this.strip(type, attributes),
    });
  }

  setup(): EncryptedSavedObjectsPluginSetup {
    return {
      canEncrypt: this.cipher !== undefined,
      registerType: (registration: EncryptedSavedObjectTypeRegistration) => {
        validateEncryptedTypeRegistration(registration, this.registrations);
        // Kibana keeps its own copies of the sets, so the caller cannot change them afterwards.
        this.registrations.set(registration.type, {
          ...registration,
          attributesToEncrypt: new Set(registration.attributesToEncrypt),
          ...(registration.attributesToIncludeInAAD && {
            attributesToIncludeInAAD: new Set(registration.attributesToIncludeInAAD),
          }),
        });
      },
    } as EncryptedSavedObjectsPluginSetup;
  }

  start(): EncryptedSavedObjectsPluginStart {
    return {
      isEncryptionError: (error: Error) => error instanceof EncryptionError,
      getClient: (options: { includedHiddenTypes?: string[] } = {}) => ({
        getDecryptedAsInternalUser: async <T>(
          type: string,
          id: string
        ): Promise<SavedObject<T>> => {
          const repository = this.savedObjects.repository(options.includedHiddenTypes);
          const savedObject = await repository.get<T>(type, id);
          const stored = await repository.getStoredAttributes(type, id);
          return { ...savedObject, attributes: this.decrypt(type, id, stored) as T };
        },
      }),
    } as unknown as EncryptedSavedObjectsPluginStart;
  }

  private encryptedKeys(type: string) {
    const registration = this.registrations.get(type);
    return registration ? [...registration.attributesToEncrypt].map(attributeKey) : [];
  }

  private aad(type: string, id: string, attributes: Record<string, unknown>) {
    const included = [...(this.registrations.get(type)?.attributesToIncludeInAAD ?? [])].sort();
    const values = Object.fromEntries(included.map((key) => [key, attributes[key]]));
    return JSON.stringify([{ id, type, namespace: undefined }, values]);
  }

  private encrypt(type: string, id: string, attributes: Record<string, unknown>) {
    // Null and undefined attributes are skipped; without a key any other one fails with
    // EncryptionError (crypto/encrypted_saved_objects_service.ts @ 0ecce7ed; plugin.ts @ 1dffeba6).
    const keys = this.encryptedKeys(type).filter(
      (key) => attributes[key] !== undefined && attributes[key] !== null
    );
    if (keys.length === 0) return attributes;
    if (!this.cipher) {
      throw new EncryptionError(
        `Unable to encrypt attribute "${keys[0]}" of saved object "${type},${id}": ` +
          'Encryption is disabled because of missing encryption key.'
      );
    }
    const cipher = this.cipher;
    const aad = this.aad(type, id, attributes);
    const encrypted = keys.map((key) => [
      key,
      cipher.encrypt(JSON.stringify(attributes[key]), aad),
    ]);
    return { ...attributes, ...Object.fromEntries(encrypted) };
  }

  private decrypt(type: string, id: string, stored: Record<string, unknown>) {
    const keys = this.encryptedKeys(type).filter((key) => typeof stored[key] === 'string');
    if (keys.length === 0) return stored;
    if (!this.cipher) {
      throw new EncryptionError(
        `Unable to decrypt attribute "${keys[0]}" of saved object "${type},${id}": ` +
          'Decryption is disabled because of missing decryption keys.'
      );
    }
    const cipher = this.cipher;
    const aad = this.aad(type, id, stored);
    try {
      const decrypted = keys.map((key) => [
        key,
        JSON.parse(cipher.decrypt(stored[key] as string, aad)),
      ]);
      return { ...stored, ...Object.fromEntries(decrypted) };
    } catch (error) {
      throw new EncryptionError(`Unable to decrypt attribute: ${(error as Error).message}`);
    }
  }

  /** Kibana would decrypt `dangerouslyExposeValue` attributes here; the plugin uses none, so all go. */
  private strip(type: string, attributes: Record<string, unknown>) {
    const hidden = new Set(this.encryptedKeys(type));
    return Object.fromEntries(Object.entries(attributes).filter(([key]) => !hidden.has(key)));
  }
}
