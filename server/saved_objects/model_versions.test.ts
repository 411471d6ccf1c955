import type { SavedObjectsModelVersionMap, SavedObjectsType } from '@kbn/core/server';
import { validateTypeMigrations } from '../../test/host/saved_objects/type_migration_rules';
import { budgetSavedObjectType } from './budget_type';
import { connectionSavedObjectType } from './connection_type';
import { knownSenderSavedObjectType } from './known_sender_type';

/** What Kibana would hand a model version's forwardCompatibility function, as a function. */
function forwardCompatibility(type: SavedObjectsType, version: 1 | 2 = 1) {
  const versions = type.modelVersions as SavedObjectsModelVersionMap;
  const convert = versions[version]!.schemas!.forwardCompatibility;
  if (typeof convert !== 'function') throw new Error(`${type.name}: not a function`);
  return convert;
}

describe('model versions of our saved object types', () => {
  it.each([connectionSavedObjectType, knownSenderSavedObjectType])(
    '$name has one version with no changes',
    (type) => {
      expect(Object.keys(type.modelVersions as object)).toEqual(['1']);
      expect((type.modelVersions as SavedObjectsModelVersionMap)[1]!.changes).toEqual([]);
    }
  );

  it('the budget has a second version, with no changes, that knows who made each request', () => {
    const versions = budgetSavedObjectType.modelVersions as SavedObjectsModelVersionMap;
    expect(Object.keys(versions)).toEqual(['1', '2']);
    expect(versions[1]!.changes).toEqual([]);
    // A non-indexed attribute: no mappings change, so no mappings_addition (Kibana's developer
    // docs, "Update a Saved Object type": adding a non-indexed field without default value).
    expect(versions[2]!.changes).toEqual([]);
    expect(budgetSavedObjectType.mappings.properties).not.toHaveProperty('requesters');
  });

  it.each([connectionSavedObjectType, budgetSavedObjectType, knownSenderSavedObjectType])(
    '$name passes the checks Kibana makes of model versions when it starts',
    (type) => {
      expect(() => validateTypeMigrations(type, '9.5.0')).not.toThrow();
    }
  );

  it('a budget written by a newer version loses only what each version does not know', () => {
    const newer = { tenantId: 't1', requestTimes: [1, 2], requesters: ['a', 'b'], windowMs: 1 };
    expect(forwardCompatibility(budgetSavedObjectType)(newer)).toEqual({
      tenantId: 't1',
      requestTimes: [1, 2],
    });
    expect(forwardCompatibility(budgetSavedObjectType, 2)(newer)).toEqual({
      tenantId: 't1',
      requestTimes: [1, 2],
      requesters: ['a', 'b'],
    });
  });

  it('a known sender keeps its optional attributes when present', () => {
    const newer = {
      sender: 'a@example.com',
      note: 'vendor',
      markedAt: '2026-01-01T00:00:00.000Z',
      reason: 'x',
    };
    expect(forwardCompatibility(knownSenderSavedObjectType)(newer)).toEqual({
      sender: 'a@example.com',
      note: 'vendor',
      markedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('a connection keeps its settings, secrets and writer key, nested values whole', () => {
    const newer = {
      name: 'Contoso',
      tenantId: 'tenant',
      clientSecret: 'ciphertext',
      apiKey: 'ciphertext',
      backfill: { start: 's', end: 'e', requestedAt: 'r', priority: 1 },
      region: 'eu',
    };
    expect(forwardCompatibility(connectionSavedObjectType)(newer)).toEqual({
      name: 'Contoso',
      tenantId: 'tenant',
      clientSecret: 'ciphertext',
      apiKey: 'ciphertext',
      backfill: { start: 's', end: 'e', requestedAt: 'r', priority: 1 },
    });
  });
});
