import type { FieldMap, IRuleTypeAlerts } from '@kbn/alerting-plugin/server';

/**
 * The fields our alerts carry beside the framework's, under one object so they never collide
 * with ECS or Kibana's own. All three rule types write to the one index of this context
 * (`.alerts-exchange_message_trace.alerts-default`): registering a context again with the same
 * options is allowed (alerts_service.ts, see ../shared/reference/kibana_alerting_contracts.md §3.4).
 */
export interface MessageTraceAlertFields {
  sender?: string;
  score?: number;
  reasons?: string[];
  recipient_domain?: string;
  failures?: number;
  total?: number;
  share_percent?: number;
  connection_id?: string;
  connection_name?: string;
  problem?: string;
}

export type MessageTraceAlertData = {
  'kibana.alert.reason'?: string;
  exchange_message_trace?: { alert?: MessageTraceAlertFields };
} & Record<string, unknown>;

const keyword = { type: 'keyword', required: false } as const;
const long = { type: 'long', required: false } as const;

const PREFIX = 'exchange_message_trace.alert';
const fieldMap: FieldMap = {
  [`${PREFIX}.sender`]: keyword,
  [`${PREFIX}.score`]: long,
  [`${PREFIX}.reasons`]: { ...keyword, array: true },
  [`${PREFIX}.recipient_domain`]: keyword,
  [`${PREFIX}.failures`]: long,
  [`${PREFIX}.total`]: long,
  [`${PREFIX}.share_percent`]: { type: 'float', required: false },
  [`${PREFIX}.connection_id`]: keyword,
  [`${PREFIX}.connection_name`]: keyword,
  [`${PREFIX}.problem`]: keyword,
};

export const ALERTS_CONTEXT = 'exchange_message_trace';

export const MESSAGE_TRACE_ALERTS: IRuleTypeAlerts<MessageTraceAlertData> = {
  context: ALERTS_CONTEXT,
  mappings: { fieldMap },
  shouldWrite: true,
  isSpaceAware: true,
};

/** The document fields of one alert: its reason in words, and ours. */
export const alertPayload = (reason: string, fields: MessageTraceAlertFields) => ({
  'kibana.alert.reason': reason,
  exchange_message_trace: { alert: fields },
});
