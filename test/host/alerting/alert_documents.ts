import type { ProcessedAlert } from './alert_lifecycle';

/*
 * An alert's document in the alerts-as-data index, as Kibana's alerts client builds it.
 * AL = x-pack/platform/plugins/shared/alerting/server/alerts_client/lib/: format_rule.ts
 * @ 10e8b77f42, alert_builder/build_new_alert.ts @ 0e1c3c3df0, build_ongoing_alert (same folder,
 * not re-read: the host keeps the new alert's shape with updated status fields),
 * alert_builder/build_recovered_alert.ts @ 1365cdbe9b, strip_framework_fields.ts @ 1c37eb0cda.
 */

export interface RuleForAlerts {
  id: string;
  name: string;
  consumer: string;
  producer: string;
  revision: number;
  ruleTypeId: string;
  ruleTypeName: string;
  tags: string[];
  params: Record<string, unknown>;
  spaceId: string;
  executionUuid: string;
  kibanaVersion: string;
}

// The framework fields a payload may set (strip_framework_fields.ts); any other `kibana.alert.*`
// or `kibana.space_ids`/`kibana.version`/`event.*`/`@timestamp` is dropped.
const PAYLOAD_MAY_SET = new Set([
  'kibana.alert.reason',
  'kibana.alert.severity',
  'kibana.alert.workflow_status',
  'kibana.alert.url',
  'tags',
]);

function flatten(object: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flatten(value as Record<string, unknown>, name));
    } else {
      flat[name] = value;
    }
  }
  return flat;
}

function isFrameworkField(name: string) {
  return (
    name.startsWith('kibana.alert.') ||
    name === 'kibana.space_ids' ||
    name === 'kibana.version' ||
    name === '@timestamp' ||
    name.startsWith('event.')
  );
}

export function strippedPayload(payload: Record<string, unknown> | undefined) {
  return Object.fromEntries(
    Object.entries(flatten(payload ?? {})).filter(
      ([name]) => PAYLOAD_MAY_SET.has(name) || !isFrameworkField(name)
    )
  );
}

function ruleFields(rule: RuleForAlerts) {
  return {
    'kibana.alert.rule.category': rule.ruleTypeName,
    'kibana.alert.rule.consumer': rule.consumer,
    'kibana.alert.rule.execution.uuid': rule.executionUuid,
    'kibana.alert.rule.name': rule.name,
    'kibana.alert.rule.parameters': rule.params,
    'kibana.alert.rule.producer': rule.producer,
    'kibana.alert.rule.revision': rule.revision,
    'kibana.alert.rule.rule_type_id': rule.ruleTypeId,
    'kibana.alert.rule.tags': rule.tags,
    'kibana.alert.rule.uuid': rule.id,
    'kibana.space_ids': [rule.spaceId],
  };
}

/** The document of an active (new or ongoing) or recovered alert; flat field names. */
export function alertDocument(
  alert: ProcessedAlert,
  rule: RuleForAlerts,
  startedAt: Date,
  previous: Record<string, unknown> | undefined
): Record<string, unknown> {
  const now = startedAt.toISOString();
  const start = String(alert.state.start ?? now);
  const payload = strippedPayload(alert.payload);
  const common = {
    ...(previous ?? {}),
    ...payload,
    ...ruleFields(rule),
    '@timestamp': now,
    'event.kind': 'signal',
    'kibana.alert.rule.execution.timestamp': now,
    'kibana.alert.flapping': alert.meta.flapping,
    'kibana.alert.flapping_history': alert.meta.flappingHistory,
    'kibana.alert.instance.id': alert.id,
    'kibana.alert.maintenance_window_ids': [],
    'kibana.alert.consecutive_matches': alert.meta.activeCount,
    'kibana.alert.pending_recovered_count': alert.meta.pendingRecoveredCount,
    'kibana.alert.muted': false,
    'kibana.alert.uuid': alert.meta.uuid,
    'kibana.alert.duration.us': Number(alert.state.duration ?? 0),
    'kibana.alert.start': start,
    'kibana.version': rule.kibanaVersion,
    'kibana.alert.workflow_status':
      payload['kibana.alert.workflow_status'] ??
      previous?.['kibana.alert.workflow_status'] ??
      'open',
    tags: [...new Set([...((payload.tags as string[] | undefined) ?? []), ...rule.tags])],
  };
  if (alert.status === 'recovered') {
    return {
      ...common,
      'event.action': 'close',
      'kibana.alert.status': 'recovered',
      'kibana.alert.action_group': alert.actionGroup,
      'kibana.alert.previous_action_group': previous?.['kibana.alert.action_group'],
      'kibana.alert.severity_improving': true,
      'kibana.alert.end': now,
      'kibana.alert.time_range': { gte: start, lte: now },
    };
  }
  return {
    ...common,
    'event.action': alert.status === 'new' ? 'open' : 'active',
    'kibana.alert.status': 'active',
    'kibana.alert.action_group': alert.actionGroup,
    'kibana.alert.severity_improving': false,
    'kibana.alert.time_range': { gte: start },
  };
}
