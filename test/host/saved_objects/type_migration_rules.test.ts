import type { SavedObjectsType } from '@kbn/core/server';
import { budgetSavedObjectType } from '../../../server/saved_objects/budget_type';
import { connectionSavedObjectType } from '../../../server/saved_objects/connection_type';
import { knownSenderSavedObjectType } from '../../../server/saved_objects/known_sender_type';
import { validateTypeMigrations } from './type_migration_rules';

/** Texts from validate_migrations.ts @ 309432f0 and model_version/conversion.ts. */

const KIBANA_VERSION = '9.5.3';

function type(extra: object): SavedObjectsType {
  return {
    name: 'test-type',
    hidden: false,
    namespaceType: 'single',
    mappings: {
      properties: { kept: { type: 'keyword' }, nested: { properties: { a: { type: 'text' } } } },
    },
    ...extra,
  } as SavedObjectsType;
}

const check = (extra: object) => () => validateTypeMigrations(type(extra), KIBANA_VERSION);

const noChanges = { changes: [] };

describe('saved object type migration rules', () => {
  it.each([connectionSavedObjectType, budgetSavedObjectType, knownSenderSavedObjectType])(
    'accept our $name',
    (ours) => {
      expect(() => validateTypeMigrations(ours, KIBANA_VERSION)).not.toThrow();
    }
  );

  describe('legacy migrations and schemas', () => {
    it('migrations must be an object or a function', () => {
      expect(check({ migrations: 'nope' })).toThrow(
        new Error(
          `Migration for type test-type should be an object or a function returning an object like { '2.0.0': (doc) => doc }. Got! string, "nope".`
        )
      );
    });

    it('a migrations function must return an object', () => {
      expect(check({ migrations: () => 42 })).toThrow(
        new Error(
          `Migrations map for type test-type should be an object like { '2.0.0': (doc) => doc }. Got 42.`
        )
      );
    });

    it('keys are semvers', () => {
      expect(check({ migrations: { '8.1': (doc: unknown) => doc } })).toThrow(
        new Error(
          'Invalid migration for type test-type. Expected all properties to be semvers, but got 8.1.'
        )
      );
    });

    it('keys are not above the Kibana version', () => {
      expect(check({ migrations: { '9.6.0': (doc: unknown) => doc } })).toThrow(
        new Error(
          "Invalid migration for type test-type. Property '9.6.0' cannot be greater than the current Kibana version '9.5.3'."
        )
      );
    });

    it('without a Kibana version, a key above it is still refused, by the 8.10.0 rule', () => {
      const migrations = { '9.6.0': (doc: unknown) => doc };
      expect(() => validateTypeMigrations(type({ migrations }), undefined)).toThrow(
        new Error(
          'Migration for type test-type for version 9.6.0 registered after globalSwitchToModelVersionAt (8.10.0)'
        )
      );
    });

    it('each migration is a function or has a transform function', () => {
      expect(
        check({ migrations: { '8.0.0': { transform: (doc: unknown) => doc } } })
      ).not.toThrow();
      expect(check({ migrations: { '8.0.0': 'x' } })).toThrow(
        new Error('Invalid migration test-type.8.0.0: expected a function or an object, but got x.')
      );
    });

    it('no migration from 8.10.0 on; a pre-release of 8.10.0 comes before it', () => {
      expect(check({ migrations: () => ({ '8.10.0': (doc: unknown) => doc }) })).toThrow(
        new Error(
          'Migration for type test-type for version 8.10.0 registered after globalSwitchToModelVersionAt (8.10.0)'
        )
      );
      expect(check({ migrations: { '8.10.0-SNAPSHOT': (doc: unknown) => doc } })).not.toThrow();
    });

    it('no legacy schema from 8.10.0 on', () => {
      expect(check({ schemas: { '8.9.0': {}, '8.11.0': {} } })).toThrow(
        new Error(
          'Schema for type test-type for version 8.11.0 registered after globalSwitchToModelVersionAt (8.10.0)'
        )
      );
    });
  });

  describe('model versions, as an object or a function', () => {
    it('are integers', () => {
      expect(check({ modelVersions: { 1: noChanges, '1.5': noChanges } })).toThrow(
        new Error('Model version must be an integer')
      );
    });

    it('start at 1', () => {
      expect(check({ modelVersions: () => ({ 2: noChanges, 3: noChanges }) })).toThrow(
        new Error('Type test-type: model versioning must start with version 1')
      );
    });

    it('have no gaps', () => {
      expect(check({ modelVersions: { 1: noChanges, 2: noChanges, 5: noChanges } })).toThrow(
        new Error(
          "Type test-type: gaps between model versions aren't allowed (missing versions: 3,4)"
        )
      );
    });

    it('add only mappings that the type has', () => {
      const change = { type: 'mappings_addition', addedMappings: { other: { type: 'keyword' } } };
      expect(check({ modelVersions: { 1: { changes: [change] } } })).toThrow(
        new Error(
          'Type test-type: mappings added on model versions not present on the global mappings definition: other.type'
        )
      );
    });

    it('add mappings equal to the type’s, compared field by field', () => {
      const change = {
        type: 'mappings_addition',
        addedMappings: {
          kept: { type: 'keyword' },
          nested: { properties: { a: { type: 'keyword' } } },
        },
      };
      expect(check({ modelVersions: { 1: { changes: [change] } } })).toThrow(
        new Error(
          'Type test-type: mappings added on model versions differs from the global mappings definition: nested.properties.a.type'
        )
      );
    });

    it('an empty map is not checked', () => {
      expect(check({ modelVersions: {} })).not.toThrow();
    });
  });
});
