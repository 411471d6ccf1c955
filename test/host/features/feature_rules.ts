import type { FeatureKibanaPrivileges, KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { kibanaFeatureSchema } from './feature_schema';

/**
 * What `registerKibanaFeature` refuses beyond the schema: a hidden feature that is not a reserved
 * one, and privileges that name apps, catalogue or management entries, alerting rule types or
 * consumers, or cases the feature does not declare (and declared ones no privilege grants).
 * Kibana: x-pack/platform/plugins/shared/features/server/feature_schema.ts @ 2549770c
 * (`validateKibanaFeature`); the texts are those of its feature_registry.test.ts.
 */

/** The parts of a privilege the cross-checks read; the registration typings leave some out. */
interface CheckedPrivilege {
  app?: readonly string[];
  catalogue?: readonly string[];
  management?: Readonly<Record<string, readonly string[]>>;
  alerting?: {
    rule?: Record<string, AlertingEntries | undefined>;
    alert?: Record<string, AlertingEntries | undefined>;
  };
  cases?: Record<string, readonly string[] | undefined>;
}
type AlertingEntries = ReadonlyArray<{ ruleTypeId: string; consumers: readonly string[] }>;

/** The feature as the cross-checks read it, with the keys the typings do not declare. */
interface CheckedFeature {
  id: string;
  hidden?: boolean;
  app?: readonly string[];
  catalogue?: readonly string[];
  management?: Readonly<Record<string, readonly string[]>>;
  alerting?: AlertingEntries;
  cases?: readonly string[];
  privileges: Record<string, CheckedPrivilege | undefined> | null;
  reserved?: { privileges: Array<{ id: string; privilege: CheckedPrivilege }> };
  // The schema lets both lists be left out, but Kibana iterates them as they are: a feature with
  // privileges and such a sub-feature fails on `undefined` there too.
  subFeatures?: ReadonlyArray<{
    privilegeGroups: ReadonlyArray<{
      privileges: ReadonlyArray<CheckedPrivilege & { id: string }>;
    }>;
  }>;
}

function difference(entries: readonly string[], known: readonly string[]) {
  return entries.filter((entry) => !known.includes(entry));
}

export function validateKibanaFeature(config: KibanaFeatureConfig) {
  kibanaFeatureSchema.validate(config);
  const feature = config as unknown as CheckedFeature;

  // Only a feature made of reserved privileges may be hidden (the legacy reporting mode is one).
  if (feature.hidden && (feature.privileges !== null || feature.reserved === undefined)) {
    throw new Error(`Feature ${feature.id} cannot be hidden.`);
  }

  const { app = [], management = {}, catalogue = [], alerting = [], cases = [] } = feature;
  const unseenApps = new Set(app);
  const unseenCatalogue = new Set(catalogue);
  const unseenManagement = new Map(
    Object.entries(management).map(([section, ids]) => [section, new Set(ids)])
  );
  const alertingMap = new Map(
    alerting.map(({ ruleTypeId, consumers }) => [ruleTypeId, new Set(consumers)])
  );
  const unseenRuleTypeIds = new Set(alertingMap.keys());
  const unseenConsumers = new Set(alerting.flatMap(({ consumers }) => consumers));
  const unseenCases = new Set(cases);

  function checkApp(privilegeId: string, entries: readonly string[] = []) {
    entries.forEach((entry) => unseenApps.delete(entry));
    const unknown = difference(entries, app);
    if (unknown.length > 0) {
      throw new Error(
        `Feature privilege ${feature.id}.${privilegeId} has unknown app entries: ${unknown.join(', ')}`
      );
    }
  }

  function checkCatalogue(privilegeId: string, entries: readonly string[] = []) {
    entries.forEach((entry) => unseenCatalogue.delete(entry));
    const unknown = difference(entries, catalogue);
    if (unknown.length > 0) {
      throw new Error(
        `Feature privilege ${feature.id}.${privilegeId} has unknown catalogue entries: ${unknown.join(', ')}`
      );
    }
  }

  function checkManagement(privilegeId: string, entries: CheckedPrivilege['management'] = {}) {
    for (const [section, ids] of Object.entries(entries)) {
      const unseen = unseenManagement.get(section);
      if (unseen) {
        ids.forEach((id) => unseen.delete(id));
        if (unseen.size === 0) unseenManagement.delete(section);
      }
      const declared = management[section];
      if (!declared) {
        throw new Error(
          `Feature privilege ${feature.id}.${privilegeId} has unknown management section: ${section}`
        );
      }
      const unknown = difference(ids, declared);
      if (unknown.length > 0) {
        throw new Error(
          `Feature privilege ${feature.id}.${privilegeId} has unknown management entries for section ${section}: ${unknown.join(', ')}`
        );
      }
    }
  }

  function checkAlerting(privilegeId: string, entries: CheckedPrivilege['alerting']) {
    const grants = [...Object.values(entries?.rule ?? {}), ...Object.values(entries?.alert ?? {})];
    for (const { ruleTypeId, consumers } of grants.flatMap((grant) => grant ?? [])) {
      const declaredConsumers = alertingMap.get(ruleTypeId);
      if (!declaredConsumers) {
        throw new Error(
          `Feature privilege ${feature.id}.${privilegeId} has unknown ruleTypeId: ${ruleTypeId}`
        );
      }
      for (const consumer of consumers) {
        if (!declaredConsumers.has(consumer)) {
          throw new Error(
            `Feature privilege ${feature.id}.${privilegeId}.${ruleTypeId} has unknown consumer: ${consumer}`
          );
        }
        unseenConsumers.delete(consumer);
      }
      unseenRuleTypeIds.delete(ruleTypeId);
    }
  }

  // Kibana reads only `all` and `read` of a privilege's cases here.
  function checkCases(privilegeId: string, entries: CheckedPrivilege['cases']) {
    const granted = [...(entries?.all ?? []), ...(entries?.read ?? [])];
    granted.forEach((entry) => unseenCases.delete(entry));
    const unknown = difference(granted, cases);
    if (unknown.length > 0) {
      throw new Error(
        `Feature privilege ${feature.id}.${privilegeId} has unknown cases entries: ${unknown.join(', ')}`
      );
    }
  }

  function checkPrivilege(privilegeId: string, privilege: CheckedPrivilege) {
    checkApp(privilegeId, privilege.app);
    checkCatalogue(privilegeId, privilege.catalogue);
    checkManagement(privilegeId, privilege.management);
    checkAlerting(privilegeId, privilege.alerting);
    checkCases(privilegeId, privilege.cases);
  }

  const privilegeEntries: Array<[string, CheckedPrivilege | undefined]> = [
    ...Object.entries(feature.privileges ?? {}),
    ...(feature.reserved?.privileges ?? []).map(
      ({ id, privilege }) => [id, privilege] as [string, CheckedPrivilege]
    ),
  ];
  // Kibana returns here, so a feature without privileges may declare apps nobody is granted.
  if (privilegeEntries.length === 0) return;

  for (const [privilegeId, privilege] of privilegeEntries) {
    if (!privilege) throw new Error('Privilege definition may not be null or undefined');
    checkPrivilege(privilegeId, privilege);
  }
  for (const subFeature of feature.subFeatures ?? []) {
    for (const group of subFeature.privilegeGroups) {
      for (const privilege of group.privileges) checkPrivilege(privilege.id, privilege);
    }
  }

  const ungranted: Array<[string, string[]]> = [
    ['app entries', [...unseenApps]],
    ['catalogue entries', [...unseenCatalogue]],
    [
      'management entries',
      [...unseenManagement].flatMap(([section, ids]) => [...ids].map((id) => `${section}.${id}`)),
    ],
    ['alerting rule types', [...unseenRuleTypeIds]],
    ['alerting consumers', [...unseenConsumers]],
    ['cases entries', [...unseenCases]],
  ];
  for (const [what, entries] of ungranted) {
    if (entries.length > 0) {
      throw new Error(
        `Feature ${feature.id} specifies ${what} which are not granted to any privileges: ${entries.join(',')}`
      );
    }
  }
}

/**
 * The features plugin's `start` check, once registration is locked: only a deprecated feature's
 * privileges say what replaces them.
 * Kibana: x-pack/platform/plugins/shared/features/server/feature_registry.ts @ 020c0224
 * (`validateFeatures`; the checks of what `replacedBy` names are not repeated here).
 */
export function validateRegisteredFeatures(features: readonly KibanaFeatureConfig[]) {
  for (const config of features) {
    const feature = config as KibanaFeatureConfig & { deprecated?: object };
    if (!feature.privileges) continue;
    const subFeaturePrivileges = (feature.subFeatures ?? []).flatMap((subFeature) =>
      subFeature.privilegeGroups.flatMap((group) =>
        group.privileges.map((privilege) => [privilege.id, privilege] as const)
      )
    );
    const privileges: Array<readonly [string, FeatureKibanaPrivileges & { replacedBy?: unknown }]> =
      [...Object.entries(feature.privileges), ...subFeaturePrivileges];
    for (const [privilegeId, privilege] of privileges) {
      if (feature.deprecated && !privilege.replacedBy) {
        throw new Error(
          `Feature "${feature.id}" is deprecated and must define a "replacedBy" property for privilege "${privilegeId}".`
        );
      }
      if (!feature.deprecated && privilege.replacedBy) {
        throw new Error(
          `Feature "${feature.id}" is not deprecated and must not define a "replacedBy" property for privilege "${privilegeId}".`
        );
      }
    }
  }
}
