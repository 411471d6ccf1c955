import type { SavedObjectsType } from '@kbn/core/server';

/**
 * Names of saved object types Kibana has removed: an old deployment may still hold their
 * documents, so the names are never given out again.
 * Kibana: src/core/packages/saved-objects/server-internal/removed_types.json @ 0086c4b6
 * (newer main adds `alerting_notification_policy` @ 93eb2b3a; not known to be in 9.5).
 */
export const REMOVED_TYPES: ReadonlySet<string> = new Set([
  'apm-services-telemetry',
  'application_usage_transactional',
  'background-session',
  'cases-sub-case',
  'csp_rule',
  'data_connector',
  'endpoint:user-artifact',
  'file-upload-telemetry',
  'fleet-agent-actions',
  'fleet-agent-events',
  'fleet-agents',
  'fleet-enrollment-api-keys',
  'guided-onboarding-guide-state',
  'guided-onboarding-plugin-state',
  'guided-setup-state',
  'investigation',
  'maps-telemetry',
  'ml-telemetry',
  'osquery-usage-metric',
  'server',
  'siem-detection-engine-rule-execution-info',
  'siem-detection-engine-rule-status',
  'streams-significant-events-settings',
  'timelion-sheet',
  'tsvb-validation-telemetry',
  'ui-counter',
  'upgrade-assistant-telemetry',
]);

/** `management`, which our typings leave out because the plugin's types are not in the UI. */
interface TypeManagement {
  importableAndExportable?: boolean;
  visibleInManagement?: boolean;
  onExport?: unknown;
}

/**
 * What `core.savedObjects.registerType` refuses at once (the name pattern, `namespaceType` and the
 * shape of `mappings` are not checked by Kibana).
 * Kibana: src/core/packages/saved-objects/base-server-internal/src/saved_objects_type_registry.ts
 * @ 0f499114 (`registerType`, `validateType`).
 */
export function validateTypeRegistration(
  type: SavedObjectsType,
  registered: ReadonlyMap<string, SavedObjectsType>
) {
  const { name, hidden, hiddenFromHttpApis } = type;
  if (registered.has(name)) throw new Error(`Type '${name}' is already registered`);
  if (REMOVED_TYPES.has(name)) {
    throw new Error(`Type '${name}' can't be used because it's been added to the legacy types`);
  }
  const management = (type as { management?: TypeManagement }).management;
  if (management?.onExport && !management.importableAndExportable) {
    throw new Error(
      `Type ${name}: 'management.importableAndExportable' must be 'true' when specifying 'management.onExport'`
    );
  }
  if (management?.visibleInManagement !== undefined && !management.importableAndExportable) {
    throw new Error(
      `Type ${name}: 'management.importableAndExportable' must be 'true' when specifying 'management.visibleInManagement'`
    );
  }
  if (hidden === true && hiddenFromHttpApis === false) {
    throw new Error(
      `Type ${name}: 'hiddenFromHttpApis' cannot be 'false' when specifying 'hidden' as 'true'`
    );
  }
}

/** Kibana stores a registered type deep-frozen (@kbn/std deepFreeze): a plugin cannot change it later. */
export function deepFreeze<T extends object>(object: T): T {
  for (const value of Object.values(object)) {
    if (typeof value === 'object' && value !== null) deepFreeze(value);
  }
  return Object.freeze(object);
}
