import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { IClusterClient, Logger } from '@kbn/core/server';
import type { RunContext } from '@kbn/task-manager-plugin/server';
import type { ActionsService } from '../actions/actions_service';
import type { HostLicense } from '../licensing/host_license';
import type { SavedObjectsRepository } from '../saved_objects/saved_objects_repository';
import { perAlertActions, summaryActions, type RuleContext } from './action_scheduler';
import { alertDocument, type RuleForAlerts } from './alert_documents';
import {
  DEFAULT_FLAPPING_SETTINGS,
  processAlerts,
  type ProcessedAlert,
  type TrackedAlert,
} from './alert_lifecycle';
import { HostAlertsClient, DEFAULT_MAX_ALERTS } from './alerts_client';
import { alertsIndexNames, type AlertsIndices } from './alerts_index';
import { RULE_SAVED_OBJECT_TYPE, type RawRule } from './rule_saved_object';
import type { AnyRuleType } from './rule_type_rules';
import { validateRuleTypeParams, type RulesClient } from './rules_client';

/*
 * One run of a rule, as Kibana's task runner does it.
 * AL = x-pack/platform/plugins/shared/alerting/server/task_runner/: task_runner.ts @ 02490a1552,
 * rule_loader.ts and get_executor_services.ts @ 0fe4227345 (the fake request with the rule's API
 * key), rule_type_runner.ts @ 01ad79c316 (the executor's options); lib/get_time_range.ts
 * @ 4254c0afcd. The task state's shape: kbn-alerting-state-types task_state/v1 @ 7de2e616d3.
 * A failed run keeps the previous state and the schedule, with the error on the rule's
 * execution status.
 */

interface RuleTaskState {
  alertTypeState?: Record<string, unknown>;
  alertInstances?: Record<string, TrackedAlert>;
  alertRecoveredInstances?: Record<string, TrackedAlert>;
  previousStartedAt?: string | null;
  summaryActions?: Record<string, { date: string }>;
}

export interface RuleTaskRunnerDeps {
  rulesClient: RulesClient;
  repository: () => SavedObjectsRepository;
  clusterClient: () => IClusterClient;
  internal: Client;
  alertsIndices: AlertsIndices;
  actions: ActionsService;
  license: HostLicense;
  logger: Logger;
  kibanaVersion: string;
  kibanaBaseUrl: () => string | undefined;
}

class RunError extends Error {
  constructor(
    readonly reason: 'read' | 'disabled' | 'license' | 'validate' | 'execute',
    message: string
  ) {
    super(message);
  }
}

function timeRange(startedAt: Date, window?: string) {
  const dateEnd = startedAt.toISOString();
  if (!window) return { dateStart: dateEnd, dateEnd };
  const match = /^([1-9][0-9]*)(s|m|h|d)$/.exec(window);
  if (!match) throw new Error(`Invalid format for windowSize: "${window}"`);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    match[2] as 's' | 'm' | 'h' | 'd'
  ];
  return {
    dateStart: new Date(startedAt.getTime() - Number(match[1]) * unit).toISOString(),
    dateEnd,
  };
}

export function createRuleTaskRunner(deps: RuleTaskRunnerDeps, ruleType: AnyRuleType) {
  return ({ taskInstance }: RunContext) => ({
    run: async () => {
      const { alertId: ruleId, spaceId } = taskInstance.params as {
        alertId: string;
        spaceId: string;
      };
      const state = taskInstance.state as RuleTaskState;
      const startedAt = taskInstance.startedAt ?? new Date();
      try {
        const next = await runRule(deps, ruleType, ruleId, spaceId, state, startedAt);
        return { state: next };
      } catch (error) {
        const reason = error instanceof RunError ? error.reason : 'execute';
        deps.logger.error(
          `Executing Rule ${spaceId}:${ruleType.id}:${ruleId} has resulted in Error: ${(error as Error).message}`
        );
        await recordStatus(deps, ruleId, {
          status: 'error',
          lastExecutionDate: startedAt.toISOString(),
          error: { reason, message: (error as Error).message },
        });
        return { state };
      }
    },
  });
}

async function recordStatus(
  deps: RuleTaskRunnerDeps,
  ruleId: string,
  status: RawRule['executionStatus']
) {
  try {
    await deps.repository().update(RULE_SAVED_OBJECT_TYPE, ruleId, { executionStatus: status });
  } catch {
    // The rule was deleted during its run: nothing to record.
  }
}

async function trackedDocuments(
  deps: RuleTaskRunnerDeps,
  ruleType: AnyRuleType,
  tracked: Record<string, TrackedAlert>
) {
  const documents = new Map<string, Record<string, unknown>>();
  const uuids = Object.values(tracked).map((alert) => alert.meta.uuid);
  if (!ruleType.alerts || uuids.length === 0) return documents;
  const { alias } = alertsIndexNames(ruleType.alerts.context);
  const found = await deps.internal.search<Record<string, unknown>>({
    index: alias,
    size: uuids.length,
    query: { terms: { 'kibana.alert.uuid': uuids } },
  });
  for (const hit of found.hits.hits) {
    if (hit._source) documents.set(String(hit._source['kibana.alert.uuid']), hit._source);
  }
  return documents;
}

async function runRule(
  deps: RuleTaskRunnerDeps,
  ruleType: AnyRuleType,
  ruleId: string,
  spaceId: string,
  state: RuleTaskState,
  startedAt: Date
): Promise<RuleTaskState> {
  const rule = await deps.rulesClient.decrypted(ruleId).catch((error: Error) => {
    throw new RunError('read', error.message);
  });
  if (!rule.enabled) {
    throw new RunError(
      'disabled',
      'Rule failed to execute because rule ran after it was disabled.'
    );
  }
  const fakeRequest = {
    headers: rule.apiKey ? { authorization: `ApiKey ${rule.apiKey}` } : {},
    path: '/',
  };
  const license = await deps.license.check(ruleType.minimumLicenseRequired);
  if (license.state !== 'valid') {
    throw new RunError(
      'license',
      `Rule type ${ruleType.id} is disabled because your ${license.type} license does not support it.`
    );
  }
  let params: Record<string, unknown>;
  try {
    params = validateRuleTypeParams(ruleType, rule.params);
  } catch (error) {
    throw new RunError('validate', (error as Error).message);
  }
  const previous = state.alertInstances ?? {};
  if (ruleType.alerts) await deps.alertsIndices.ensure(ruleType.alerts);
  const tracked = await trackedDocuments(deps, ruleType, previous);
  const alertsClient = new HostAlertsClient({
    previous,
    startedAt,
    maxAlerts: DEFAULT_MAX_ALERTS,
    doesSetRecoveryContext: ruleType.doesSetRecoveryContext === true,
    autoRecoverAlerts: ruleType.autoRecoverAlerts !== false,
    trackedDocuments: tracked,
  });
  const executionUuid = randomUUID();
  const ruleConfig = {
    id: ruleId,
    name: rule.name,
    tags: rule.tags,
    consumer: rule.consumer,
    producer: ruleType.producer,
    revision: rule.revision,
    ruleTypeId: ruleType.id,
    ruleTypeName: ruleType.name,
    enabled: rule.enabled,
    schedule: rule.schedule,
    createdBy: rule.createdBy,
    updatedBy: rule.updatedBy,
    createdAt: new Date(rule.createdAt),
    updatedAt: new Date(rule.updatedAt),
    throttle: rule.throttle,
    notifyWhen: rule.notifyWhen,
    muteAll: rule.muteAll,
  };
  let result: { state: Record<string, unknown> } | undefined;
  try {
    result = await ruleType.executor({
      executionId: executionUuid,
      logger: deps.logger,
      params,
      previousStartedAt: state.previousStartedAt ? new Date(state.previousStartedAt) : null,
      rule: ruleConfig,
      services: {
        scopedClusterClient: deps.clusterClient().asScoped(fakeRequest),
        alertsClient: ruleType.alerts ? alertsClient.publicClient() : null,
        shouldWriteAlerts: () => true,
        shouldStopExecution: () => false,
      },
      spaceId,
      namespace: spaceId === 'default' ? undefined : spaceId,
      startedAt,
      startedAtOverridden: false,
      state: state.alertTypeState ?? {},
      flappingSettings: DEFAULT_FLAPPING_SETTINGS,
      isServerless: false,
      getTimeRange: (window?: string) => timeRange(startedAt, window),
    } as never);
    alertsClient.checkLimitUsage();
  } catch (error) {
    throw new RunError('execute', (error as Error).message);
  }
  const processed = processAlerts({
    reported: alertsClient.reported,
    previous,
    previousRecovered: state.alertRecoveredInstances ?? {},
    startedAt,
    flapping: DEFAULT_FLAPPING_SETTINGS,
    recoveryActionGroup: ruleType.recoveryActionGroup!.id,
    limitReached: alertsClient.limitReached,
    autoRecoverAlerts: ruleType.autoRecoverAlerts !== false,
  });
  for (const alert of processed.recovered) {
    const data = alertsClient.recoveredData.get(alert.id);
    alert.context = data?.context ?? {};
    alert.payload = data?.payload;
  }
  const ruleForAlerts: RuleForAlerts = {
    ...ruleConfig,
    params,
    spaceId,
    executionUuid,
    kibanaVersion: deps.kibanaVersion,
  };
  const documents = await writeAlerts(deps, ruleType, ruleForAlerts, startedAt, tracked, [
    ...processed.active,
    ...processed.recovered,
  ]);
  const context: RuleContext = {
    id: ruleId,
    rule,
    ruleType,
    spaceId,
    startedAt,
    kibanaBaseUrl: deps.kibanaBaseUrl(),
    documents,
    summaryActions: { ...state.summaryActions },
  };
  const scheduled = [
    ...perAlertActions(context, processed.active, processed.recovered),
    ...summaryActions(
      context,
      {
        new: processed.active.filter((a) => a.status === 'new'),
        ongoing: processed.active.filter((a) => a.status === 'ongoing'),
        recovered: processed.recovered,
      },
      (message) => deps.logger.error(message)
    ),
  ];
  for (const { action, variables } of scheduled) {
    await deps.actions.execute(action.id, action.params, variables);
  }
  await recordStatus(deps, ruleId, {
    status: processed.active.length > 0 ? 'active' : 'ok',
    lastExecutionDate: startedAt.toISOString(),
    error: null,
  });
  const keepAlerts = ruleType.autoRecoverAlerts !== false;
  return {
    alertTypeState: result?.state ?? {},
    alertInstances: keepAlerts ? processed.alertInstances : {},
    alertRecoveredInstances: keepAlerts ? processed.alertRecoveredInstances : {},
    previousStartedAt: startedAt.toISOString(),
    summaryActions: context.summaryActions,
  };
}

/** Alerts-as-data, only when the type asks for it (`alerts.shouldWrite`). */
async function writeAlerts(
  deps: RuleTaskRunnerDeps,
  ruleType: AnyRuleType,
  rule: RuleForAlerts,
  startedAt: Date,
  tracked: ReadonlyMap<string, Record<string, unknown>>,
  alerts: ProcessedAlert[]
) {
  const documents = new Map<string, Record<string, unknown>>();
  for (const alert of alerts) {
    const previous = alert.status === 'new' ? undefined : tracked.get(alert.meta.uuid);
    documents.set(alert.meta.uuid, alertDocument(alert, rule, startedAt, previous));
  }
  if (!ruleType.alerts?.shouldWrite || documents.size === 0) return documents;
  const { alias } = alertsIndexNames(ruleType.alerts.context);
  const response = await deps.internal.bulk({
    refresh: 'wait_for',
    require_alias: true,
    operations: [...documents].flatMap(([uuid, document]) => [
      { index: { _index: alias, _id: uuid } },
      document,
    ]),
  });
  if (response.errors) {
    const failed = response.items.find((item) => item.index?.error)?.index?.error;
    deps.logger.error(`Error writing alerts for rule ${rule.id}: ${failed?.reason ?? 'unknown'}`);
  }
  return documents;
}
