import type { MessageRow } from '../../../common/http_api/views';
import type { MessageTraceDocument } from '../ecs/types';

/** The parts of a document a message row shows. */
export const MESSAGE_ROW_SOURCE = [
  '@timestamp',
  'event.action',
  'email.local_id',
  'email.message_id',
  'email.subject',
  'email.from.address',
  'email.to.address',
  'email.direction',
  'email.size',
  'source.ip',
  'destination.ip',
  'data_stream.namespace',
  'organization.name',
  'organization.id',
  'exchange_message_trace',
];

export type StoredMessage = Partial<MessageTraceDocument>;

const first = (value: string[] | string | undefined) => (Array.isArray(value) ? value[0] : value);

function present<T extends object>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)
  ) as T;
}

export function messageRowOf(source: StoredMessage): MessageRow {
  return present({
    rowId: source.exchange_message_trace?.row_id ?? '',
    traceId: source.email?.local_id ?? '',
    messageId: source.email?.message_id,
    receivedAt: source['@timestamp'] ?? '',
    sender: first(source.email?.from?.address),
    recipient: first(source.email?.to?.address),
    subject: source.email?.subject,
    status: source.event?.action ?? 'unknown',
    direction: source.email?.direction,
    fromIp: source.source?.ip,
    fromNetwork: source.exchange_message_trace?.source_network,
    toIp: source.destination?.ip,
    size: source.email?.size,
    connectionId: source.exchange_message_trace?.connection_id,
    namespace: source.data_stream?.namespace,
    organizationName: source.organization?.name,
    tenantId: source.organization?.id,
  });
}
