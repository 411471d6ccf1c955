import type { SavedObjectsType } from '@kbn/core/server';
import { budgetSavedObjectType } from '../../../server/saved_objects/budget_type';
import { connectionSavedObjectType } from '../../../server/saved_objects/connection_type';
import { knownSenderSavedObjectType } from '../../../server/saved_objects/known_sender_type';
import { validateTypeRegistration } from './saved_object_type_rules';
import { SavedObjectsService } from './saved_objects_service';

/** Texts from saved_objects_type_registry.ts @ 0f499114 and saved_objects_service.ts @ 00dc6f5f. */

// Registration takes whatever object a plugin hands over; some here are ones the typings forbid.
function type(extra: object = {}): SavedObjectsType {
  return {
    name: 'test-type',
    hidden: false,
    namespaceType: 'single',
    mappings: { properties: {} },
    ...extra,
  } as SavedObjectsType;
}

const none = new Map<string, SavedObjectsType>();

describe('saved object type registration rules', () => {
  it("accepts our plugin's three types", () => {
    const registered = new Map<string, SavedObjectsType>();
    for (const ours of [
      connectionSavedObjectType,
      budgetSavedObjectType,
      knownSenderSavedObjectType,
    ]) {
      expect(() => validateTypeRegistration(ours, registered)).not.toThrow();
      registered.set(ours.name, ours);
    }
  });

  it('refuses a name already registered', () => {
    expect(() => validateTypeRegistration(type(), new Map([['test-type', type()]]))).toThrow(
      new Error("Type 'test-type' is already registered")
    );
  });

  it("refuses the name of a type Kibana removed (core's removed_types.json)", () => {
    expect(() => validateTypeRegistration(type({ name: 'investigation' }), none)).toThrow(
      new Error("Type 'investigation' can't be used because it's been added to the legacy types")
    );
  });

  it('refuses management.onExport unless importableAndExportable', () => {
    const management = { onExport: () => [], importableAndExportable: false };
    expect(() => validateTypeRegistration(type({ management }), none)).toThrow(
      new Error(
        "Type test-type: 'management.importableAndExportable' must be 'true' when specifying 'management.onExport'"
      )
    );
  });

  it('refuses management.visibleInManagement, even false, unless importableAndExportable', () => {
    const management = { visibleInManagement: false };
    expect(() => validateTypeRegistration(type({ management }), none)).toThrow(
      new Error(
        "Type test-type: 'management.importableAndExportable' must be 'true' when specifying 'management.visibleInManagement'"
      )
    );
    const exported = { visibleInManagement: false, importableAndExportable: true };
    expect(() => validateTypeRegistration(type({ management: exported }), none)).not.toThrow();
  });

  it('refuses hidden with hiddenFromHttpApis explicitly false', () => {
    expect(() =>
      validateTypeRegistration(type({ hidden: true, hiddenFromHttpApis: false }), none)
    ).toThrow(
      new Error(
        "Type test-type: 'hiddenFromHttpApis' cannot be 'false' when specifying 'hidden' as 'true'"
      )
    );
    expect(() =>
      validateTypeRegistration(type({ hidden: false, hiddenFromHttpApis: true }), none)
    ).not.toThrow();
  });
});

describe('SavedObjectsService registration', () => {
  // start() creates the index; these tests need only that it can, never what it writes.
  function service() {
    const indices = { exists: jest.fn(async () => true), putMapping: jest.fn(async () => ({})) };
    return {
      indices,
      savedObjects: new SavedObjectsService({ indices } as never, 'test-index', '9.5.3'),
    };
  }

  it('refuses registerType once the service has started', async () => {
    const { savedObjects } = service();
    const { registerType } = savedObjects.setup();
    await savedObjects.start();
    expect(() => registerType(type())).toThrow(
      new Error('cannot call `registerType` after service startup.')
    );
  });

  it('keeps the type deep-frozen, as Kibana does', () => {
    const { savedObjects } = service();
    const registered = type({ mappings: { properties: { a: { type: 'keyword' } } } });
    savedObjects.setup().registerType(registered);
    expect(Object.isFrozen(registered)).toBe(true);
    expect(Object.isFrozen(registered.mappings.properties.a)).toBe(true);
  });

  it('checks model versions at start, before it touches the index', async () => {
    const { savedObjects, indices } = service();
    savedObjects.setup().registerType(type({ modelVersions: { 2: { changes: [] } } }));
    await expect(savedObjects.start()).rejects.toThrow(
      new Error('Type test-type: model versioning must start with version 1')
    );
    expect(indices.exists).not.toHaveBeenCalled();
  });
});
