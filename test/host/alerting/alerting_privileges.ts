import type { FeatureKibanaPrivileges } from '@kbn/features-plugin/server';

/*
 * The alerting part of a feature privilege, as Kibana's security plugin builds it.
 * x-pack/platform/packages/private/security/authorization_core/src/privileges/
 * feature_privilege_builder/alerting.ts @ 0f9f792a88 (operations per privilege) and
 * src/actions/alerting.ts @ b59f7182cb (`alerting:<ruleTypeId>/<consumer>/<entity>/<operation>`).
 */

export type AlertingEntity = 'rule' | 'alert';

const RULE_READ = [
  'get',
  'bulkGet',
  'getRuleState',
  'getAlertSummary',
  'getExecutionLog',
  'getActionErrorLog',
  'find',
  'getRuleExecutionKPI',
  'getBackfill',
  'findBackfill',
  'findGaps',
  'bulkEditParams',
];
const RULE_ENABLE = ['enable', 'disable', 'bulkEnable', 'bulkDisable'];
const RULE_MANUAL_RUN = [
  'deleteBackfill',
  'fillGaps',
  'scheduleBackfill',
  'createGapAutoFillScheduler',
];
const RULE_WRITE = [
  'create',
  'delete',
  'update',
  'updateApiKey',
  'muteAll',
  'unmuteAll',
  'muteAlert',
  'unmuteAlert',
  'snooze',
  'bulkEdit',
  'bulkDelete',
  'unsnooze',
  'runSoon',
];
const ALERT_READ = ['get', 'find', 'getAuthorizedAlertsIndices', 'getAlertSummary'];
const ALERT_WRITE = ['update'];

const OPERATIONS = {
  rule: {
    all: [...RULE_READ, ...RULE_WRITE, ...RULE_ENABLE, ...RULE_MANUAL_RUN],
    read: RULE_READ,
    enable: RULE_ENABLE,
    manual_run: RULE_MANUAL_RUN,
    manage_rule_settings: [] as string[],
  },
  alert: { all: [...ALERT_READ, ...ALERT_WRITE], read: ALERT_READ },
};

export function alertingAction(
  ruleTypeId: string,
  consumer: string,
  entity: AlertingEntity,
  operation: string
) {
  return `alerting:${ruleTypeId}/${consumer}/${entity}/${operation}`;
}

/** The `alerting:` actions one feature privilege grants. */
export function alertingPrivilegeActions(privilege: FeatureKibanaPrivileges): string[] {
  const granted: string[] = [];
  for (const entity of ['rule', 'alert'] as const) {
    const byLevel = (privilege.alerting?.[entity] ?? {}) as Record<
      string,
      ReadonlyArray<{ ruleTypeId: string; consumers: readonly string[] }> | undefined
    >;
    for (const [level, entries] of Object.entries(byLevel)) {
      const operations = (OPERATIONS[entity] as Record<string, string[]>)[level] ?? [];
      for (const { ruleTypeId, consumers } of entries ?? []) {
        for (const consumer of consumers) {
          for (const operation of operations) {
            granted.push(alertingAction(ruleTypeId, consumer, entity, operation));
          }
        }
      }
    }
  }
  return granted;
}
