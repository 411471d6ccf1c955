import { parseIntervalAsMillisecond } from '../task_manager/intervals';
import type { ProcessedAlert } from './alert_lifecycle';
import type { RawRule, RawRuleAction } from './rule_saved_object';
import type { AnyRuleType } from './rule_type_rules';

/*
 * Which of a rule's actions fire after a run, and with which variables.
 * AL = x-pack/platform/plugins/shared/alerting/server/task_runner/: action_scheduler/schedulers/
 * per_alert_action_scheduler.ts and summary_action_scheduler.ts @ 049837cda3,
 * action_scheduler/lib/rule_action_helper.ts @ 045e187c23, transform_action_params.ts
 * @ 1cc62e0d13 (variables), action_scheduler/lib/build_rule_url.ts @ 06488877d8.
 * The host runs a fired action at once in the rule's run, where Kibana queues an `actions:<type>`
 * task; summary actions read the documents this run wrote, where Kibana searches the index by the
 * execution's uuid (the same documents).
 */

export interface ScheduledAction {
  action: RawRuleAction;
  variables: Record<string, unknown>;
}

export interface RuleContext {
  id: string;
  rule: RawRule;
  ruleType: AnyRuleType;
  spaceId: string;
  startedAt: Date;
  kibanaBaseUrl: string | undefined;
  /** The documents written this run, by alert uuid. */
  documents: ReadonlyMap<string, Record<string, unknown>>;
  /** `summaryActions` of the task state: when each throttled summary action last fired. */
  summaryActions: Record<string, { date: string }>;
}

function notifyWhenOf(action: RawRuleAction, rule: RawRule) {
  return action.frequency?.notifyWhen ?? rule.notifyWhen ?? 'onActiveAlert';
}

function throttleOf(action: RawRuleAction, rule: RawRule) {
  return action.frequency?.throttle ?? rule.throttle;
}

function throttled(last: string | undefined, throttle: string | null, now: Date) {
  if (!last || !throttle) return false;
  return Date.parse(last) + parseIntervalAsMillisecond(throttle) > now.getTime();
}

// UNCONFIRMED: Kibana's rules-app details route, used when the type has no view-in-app URL.
const RULE_DETAILS_ROUTE = '/app/management/insightsAndAlerting/triggersActions/rule';

export function ruleUrl(context: RuleContext) {
  if (!context.kibanaBaseUrl) return undefined;
  const relative = context.ruleType.getViewInAppRelativeUrl
    ? context.ruleType.getViewInAppRelativeUrl({
        rule: { id: context.id, ...context.rule, params: context.rule.params } as never,
      })
    : `${RULE_DETAILS_ROUTE}/${context.id}`;
  const space = context.spaceId === 'default' ? '' : `/s/${context.spaceId}`;
  return `${context.kibanaBaseUrl}${space}${relative}`;
}

function ruleVariables(context: RuleContext) {
  const { rule, id } = context;
  return {
    rule: {
      params: rule.params,
      id,
      name: rule.name,
      type: rule.alertTypeId,
      spaceId: context.spaceId,
      tags: rule.tags,
      url: ruleUrl(context),
    },
    params: rule.params,
    date: context.startedAt.toISOString(),
    kibanaBaseUrl: context.kibanaBaseUrl,
    alertId: id,
    alertName: rule.name,
    spaceId: context.spaceId,
    tags: rule.tags,
  };
}

function groupName(ruleType: AnyRuleType, group: string) {
  return ruleType.actionGroups.find((candidate) => candidate.id === group)?.name ?? group;
}

export function alertVariables(context: RuleContext, alert: ProcessedAlert) {
  const document = context.documents.get(alert.meta.uuid) ?? {};
  const actionGroupName = groupName(context.ruleType, alert.actionGroup);
  return {
    ...document,
    ...ruleVariables(context),
    context: alert.context,
    state: alert.state,
    alertInstanceId: alert.id,
    alertActionGroup: alert.actionGroup,
    alertActionGroupName: actionGroupName,
    alert: {
      id: alert.id,
      uuid: alert.meta.uuid,
      actionGroup: alert.actionGroup,
      actionGroupName,
      flapping: alert.meta.flapping,
      consecutiveMatches: alert.meta.activeCount,
    },
  };
}

/** Per-alert actions of active and recovered alerts; records what fired in the alerts' meta. */
export function perAlertActions(
  context: RuleContext,
  active: ProcessedAlert[],
  recovered: ProcessedAlert[]
): ScheduledAction[] {
  const { rule, ruleType, startedAt } = context;
  if (rule.muteAll) return [];
  const perAlert = rule.actions.filter((action) => action.frequency?.summary !== true);
  const scheduled: ScheduledAction[] = [];
  for (const alert of active) {
    if (rule.mutedInstanceIds.includes(alert.id)) continue;
    const last = alert.meta.lastScheduledActions;
    const fired: Record<string, { date: string }> = {};
    for (const action of perAlert.filter((candidate) => candidate.group === alert.actionGroup)) {
      const notifyWhen = notifyWhenOf(action, rule);
      if (notifyWhen === 'onActionGroupChange' && last?.group === alert.actionGroup) continue;
      if (
        notifyWhen === 'onThrottleInterval' &&
        last?.group === alert.actionGroup &&
        throttled(last.actions?.[action.uuid]?.date, throttleOf(action, rule), startedAt)
      ) {
        continue;
      }
      fired[action.uuid] = { date: startedAt.toISOString() };
      scheduled.push({ action, variables: alertVariables(context, alert) });
    }
    if (Object.keys(fired).length > 0) {
      const keep = last?.group === alert.actionGroup ? last.actions : {};
      alert.meta.lastScheduledActions = {
        group: alert.actionGroup,
        date: startedAt.toISOString(),
        actions: { ...keep, ...fired },
      };
    }
  }
  const recoveryGroup = ruleType.recoveryActionGroup!.id;
  for (const alert of recovered) {
    if (rule.mutedInstanceIds.includes(alert.id)) continue;
    for (const action of perAlert.filter((candidate) => candidate.group === recoveryGroup)) {
      scheduled.push({ action, variables: alertVariables(context, alert) });
    }
  }
  return scheduled;
}

/** Summary actions: only for a rule type with alerts-as-data, only when there are alerts. */
export function summaryActions(
  context: RuleContext,
  alerts: { new: ProcessedAlert[]; ongoing: ProcessedAlert[]; recovered: ProcessedAlert[] },
  logError: (message: string) => void
): ScheduledAction[] {
  const { rule, ruleType, startedAt } = context;
  if (rule.muteAll) return [];
  const summaries = rule.actions.filter((action) => action.frequency?.summary === true);
  if (summaries.length > 0 && !ruleType.alerts) {
    for (const action of summaries) {
      logError(
        `Skipping action "${action.id}" for rule "${context.id}" because the rule type "${ruleType.name}" does not support alert-as-data.`
      );
    }
    return [];
  }
  const chunk = (list: ProcessedAlert[]) => ({
    count: list.length,
    data: list.map((alert) => context.documents.get(alert.meta.uuid) ?? {}),
  });
  const all = [...alerts.new, ...alerts.ongoing, ...alerts.recovered];
  if (all.length === 0) return [];
  const scheduled: ScheduledAction[] = [];
  for (const action of summaries) {
    const notifyWhen = notifyWhenOf(action, rule);
    const last = context.summaryActions[action.uuid]?.date;
    if (
      notifyWhen === 'onThrottleInterval' &&
      throttled(last, throttleOf(action, rule), startedAt)
    ) {
      continue;
    }
    context.summaryActions[action.uuid] = { date: startedAt.toISOString() };
    const base = ruleVariables(context);
    scheduled.push({
      action,
      variables: {
        ...base,
        alerts: {
          new: chunk(alerts.new),
          ongoing: chunk(alerts.ongoing),
          recovered: chunk(alerts.recovered),
          all: chunk(all),
        },
        context: {
          alerts: chunk(all).data,
          rule: { ...rule.params, name: rule.name, id: context.id },
        },
        state: { signals_count: all.length },
        alert: {
          id: context.id,
          uuid: context.id,
          actionGroup: 'default',
          actionGroupName: 'Default',
          flapping: false,
          consecutiveMatches: 0,
        },
      },
    });
  }
  return scheduled;
}
