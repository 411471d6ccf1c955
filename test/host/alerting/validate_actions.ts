import { parseIntervalAsMillisecond } from '../task_manager/intervals';
import { boom } from './boom';
import type { RawRuleAction } from './rule_saved_object';
import type { AnyRuleType } from './rule_type_rules';

/*
 * The checks of a rule's actions at creation and update, with Kibana's words.
 * x-pack/platform/plugins/shared/alerting/server/rules_client/lib/validate_actions.ts @ 3397647000
 * and routes/rule/validation/validate_required_group_in_default_actions/v1.ts @ 950d42fddb.
 * Alert filters are not accepted by the host's routes at all (their body schema has no
 * `alerts_filter`), so their checks are not here.
 */

export interface ConnectorForRule {
  name: string;
  isMissingSecrets: boolean;
}

export function validateRequiredGroups(actions: ReadonlyArray<{ id: string; group?: string }>) {
  for (const action of actions) {
    if (!action.group) throw boom(400, `Group is not defined in action ${action.id}`);
  }
}

export function validateActions(
  ruleType: AnyRuleType,
  rule: {
    schedule: { interval: string };
    throttle: string | null;
    notifyWhen: string | null;
    actions: RawRuleAction[];
  },
  connectors: ReadonlyMap<string, ConnectorForRule>
) {
  const errors: string[] = [];
  const { actions } = rule;
  const uuids = actions.map((action) => action.uuid);
  if (new Set(uuids).size !== uuids.length) errors.push('Actions have duplicated UUIDs');
  const missingSecrets = [...connectors.values()].filter((c) => c.isMissingSecrets);
  if (missingSecrets.length > 0) {
    errors.push(`Invalid connectors: ${missingSecrets.map((c) => c.name).join(', ')}`);
  }
  const groups = new Set(ruleType.actionGroups.map((group) => group.id));
  const invalidGroups = actions.map((a) => a.group).filter((group) => !groups.has(group));
  if (invalidGroups.length > 0) errors.push(`Invalid action groups: ${invalidGroups.join(', ')}`);
  const ruleLevelFrequency = rule.notifyWhen !== null || rule.throttle !== null;
  if (ruleLevelFrequency) {
    const withFrequency = actions.filter((action) => action.frequency);
    if (withFrequency.length > 0) {
      errors.push(
        `Cannot specify per-action frequency params when notify_when or throttle are defined at the rule level: ${withFrequency.map((a) => a.group).join(', ')}`
      );
    }
  } else {
    const withoutFrequency = actions.filter((action) => !action.frequency);
    if (withoutFrequency.length > 0) {
      errors.push(
        `Actions missing frequency parameters: ${withoutFrequency.map((a) => a.group).join(', ')}`
      );
    }
    const interval = parseIntervalAsMillisecond(rule.schedule.interval);
    const tooShort = actions.filter(
      (action) =>
        action.frequency?.throttle &&
        parseIntervalAsMillisecond(action.frequency.throttle) < interval
    );
    if (tooShort.length > 0) {
      errors.push(
        `Action frequency cannot be shorter than the schedule interval of ${rule.schedule.interval}: ${tooShort
          .map((a) => `${a.group} (${a.frequency!.throttle})`)
          .join(', ')}`
      );
    }
  }
  if (errors.length === 1) {
    throw boom(400, `Failed to validate actions due to the following error: ${errors[0]}`);
  }
  if (errors.length > 1) {
    throw boom(
      400,
      `Failed to validate actions due to the following ${errors.length} errors:\n- ${errors.join('\n- ')}`
    );
  }
}
