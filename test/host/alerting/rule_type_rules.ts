import type { ActionGroup, IRuleTypeAlerts, RuleType } from '@kbn/alerting-plugin/server';
import { isDeepStrictEqual } from 'node:util';
import { isLicenseType } from '../licensing/host_license';

/*
 * What Kibana's alerting plugin refuses at `registerType`, in its order and words.
 * AL = x-pack/platform/plugins/shared/alerting/ in elastic/kibana.
 */

export type AnyRuleType = RuleType<
  Record<string, unknown>,
  Record<string, unknown>,
  Record<string, unknown>,
  Record<string, unknown>,
  Record<string, unknown>,
  string,
  string,
  Record<string, unknown>
>;

// AL/common/builtin_action_groups.ts @ b8ef98e527 (RecoveredActionGroup)
export const RECOVERED_ACTION_GROUP: ActionGroup = { id: 'recovered', name: 'Recovered' };

// AL/server/lib/get_rule_task_timeout.ts @ 9d6be2e4de (the default of `ruleTaskTimeout`)
const DEFAULT_RULE_TASK_TIMEOUT = '5m';

// AL/common/parse_duration.ts @ cf0bc67a97: no leading zero, no fraction, no week.
const DURATION = /^[1-9][0-9]*(s|m|h|d)$/;
export function isValidDuration(value: string) {
  return DURATION.test(value);
}

// AL/server/rule_type_registry.ts @ 0bbac85b73 (ruleTypeIdSchema, a config-schema string
// validated without a key, so its message stands alone, as rule_type_registry.test.ts asserts).
const INVALID_ID_RUNS = /[^a-zA-Z0-9_\-.]+/g;

/**
 * The `registerType` wrapper of AL/server/plugin.ts @ 023dbe9a57: the license check, then the
 * defaults filled in before the registry sees the type (no configuration overrides on the host).
 */
export function applyRegistrationDefaults(ruleType: AnyRuleType): AnyRuleType {
  // AL/server/plugin.ts @ 023dbe9a57: `minimumLicenseRequired in LICENSE_TYPE`
  if (!isLicenseType(ruleType.minimumLicenseRequired)) {
    throw new Error(`"${ruleType.minimumLicenseRequired}" is not a valid license type`);
  }
  if (
    ruleType.cancelAlertsOnRuleTimeout === false &&
    (ruleType.autoRecoverAlerts === undefined || ruleType.autoRecoverAlerts === true)
  ) {
    throw new Error(
      `Rule type "${ruleType.id}" cannot have both cancelAlertsOnRuleTimeout set to false and autoRecoverAlerts set to true.`
    );
  }
  const autoRecoverAlerts = ruleType.autoRecoverAlerts ?? true;
  return {
    ...ruleType,
    ruleTaskTimeout: ruleType.ruleTaskTimeout || DEFAULT_RULE_TASK_TIMEOUT,
    doesSetRecoveryContext: ruleType.doesSetRecoveryContext ?? false,
    autoRecoverAlerts,
    // config `cancelAlertsOnRuleTimeout` defaults to true (AL/server/config.ts @ 05e2b3cf1d)
    cancelAlertsOnRuleTimeout: ruleType.cancelAlertsOnRuleTimeout ?? true,
  };
}

/**
 * The registry's checks (AL/server/rule_type_registry.ts @ 0bbac85b73 `register`), in its order.
 * It does not check name, category, producer, solution, nor that the default action group exists.
 */
export function validateRuleTypeRegistration(
  ruleType: AnyRuleType,
  registered: ReadonlyMap<string, unknown>
) {
  const { id } = ruleType;
  if (registered.has(id)) throw new Error(`Rule type "${id}" is already registered.`);
  if (ruleType.ruleTaskTimeout && !isValidDuration(ruleType.ruleTaskTimeout)) {
    throw new Error(
      `Rule type "${id}" has invalid timeout: string is not a valid duration: ${ruleType.ruleTaskTimeout}.`
    );
  }
  if (ruleType.defaultScheduleInterval && !isValidDuration(ruleType.defaultScheduleInterval)) {
    throw new Error(
      `Rule type "${id}" has invalid default interval: string is not a valid duration: ${ruleType.defaultScheduleInterval}.`
    );
  }
  if (
    ruleType.cancelAlertsOnRuleTimeout === false &&
    (!ruleType.autoRecoverAlerts || ruleType.autoRecoverAlerts === true)
  ) {
    throw new Error(
      `Rule type "${id}" cannot have both cancelAlertsOnRuleTimeout set to false and autoRecoverAlerts set to true.`
    );
  }
  const groupIds = ruleType.actionGroups.map((group) => group.id);
  const recovery = ruleType.recoveryActionGroup;
  if (recovery && groupIds.includes(recovery.id)) {
    throw new Error(
      `Rule type [id="${id}"] cannot be registered. Action group [${recovery.id}] cannot be used as both a recovery and an active action group.`
    );
  }
  // AL/common/builtin_action_groups.ts @ b8ef98e527 getBuiltinActionGroups
  const reserved = [recovery ?? RECOVERED_ACTION_GROUP].map((group) => group.id);
  const usingReserved = groupIds.filter((groupId) => reserved.includes(groupId));
  if (usingReserved.length > 0) {
    throw new Error(
      `Rule type [id="${id}"] cannot be registered. Action groups [${usingReserved.join(', ')}] are reserved by the framework.`
    );
  }
  const levels = ruleType.actionGroups.flatMap((group) =>
    group.severity ? [group.severity.level] : []
  );
  if (new Set(levels).size !== levels.length) {
    throw new Error(
      `Rule type [id="${id}"] cannot be registered. Action group definitions cannot contain duplicate severity levels.`
    );
  }
  const invalid = id.match(INVALID_ID_RUNS);
  if (invalid) {
    throw new Error(
      `expected RuleType Id not to include invalid character${invalid.length > 1 ? 's' : ''}: ${invalid.join(', ')}`
    );
  }
}

/** The registry's normalized copy: the recovery group appended to the action groups. */
export function normalizeRuleType(ruleType: AnyRuleType): AnyRuleType {
  const recoveryActionGroup = ruleType.recoveryActionGroup ?? RECOVERED_ACTION_GROUP;
  return {
    ...ruleType,
    actionGroups: [...ruleType.actionGroups, recoveryActionGroup],
    recoveryActionGroup,
    actionVariables: {
      context: ruleType.actionVariables?.context ?? [],
      state: ruleType.actionVariables?.state ?? [],
      params: ruleType.actionVariables?.params ?? [],
    },
  };
}

/**
 * A context registered again must carry the same options, `shouldWrite` aside
 * (AL/server/alerts_service/alerts_service.ts @ 029404740c `register`).
 */
export function validateAlertsContext(
  alerts: IRuleTypeAlerts<Record<string, unknown>>,
  contexts: Map<string, IRuleTypeAlerts<Record<string, unknown>>>
) {
  const withoutShouldWrite = ({
    shouldWrite: _,
    ...rest
  }: IRuleTypeAlerts<Record<string, unknown>>) => rest;
  const known = contexts.get(alerts.context);
  if (known && !isDeepStrictEqual(withoutShouldWrite(known), withoutShouldWrite(alerts))) {
    throw new Error(`${alerts.context} has already been registered with different options`);
  }
  contexts.set(alerts.context, alerts);
}

/**
 * `alerting.registerType` up to the Task Manager definition: the plugin wrapper's checks and
 * defaults, the registry's checks, the normalized copy kept, the alerts context registered.
 */
export function registerRuleType(
  given: AnyRuleType,
  registered: Map<string, AnyRuleType>,
  contexts: Map<string, IRuleTypeAlerts<Record<string, unknown>>>
): AnyRuleType {
  const ruleType = applyRegistrationDefaults(given);
  validateRuleTypeRegistration(ruleType, registered);
  const normalized = normalizeRuleType(ruleType);
  registered.set(ruleType.id, normalized);
  if (ruleType.alerts) validateAlertsContext(ruleType.alerts, contexts);
  return normalized;
}
