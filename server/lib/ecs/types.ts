import { type MailDirection } from './direction';

/** Version of ECS the documents follow; every field used exists unchanged in ECS 8.x and 9.x. */
export const ECS_VERSION = '8.17.0';

export interface EcsEndpoint {
  ip?: string;
  domain?: string;
  registered_domain?: string;
  top_level_domain?: string;
  subdomain?: string;
  user?: { id?: string; email?: string; name?: string; domain?: string };
}

/** One field, or several when one event names two users (internal mail), as the integration does. */
export type OneOrMore = string | string[];

/** The raw row under the integration's PascalCase names (`microsoft.online_message_trace.*`). */
export interface RawMessageTrace {
  MessageTraceId: string;
  MessageId?: string;
  Received: string;
  SenderAddress?: string;
  RecipientAddress?: string;
  Subject?: string;
  Status: string;
  FromIP?: string;
  ToIP?: string;
  Size?: number;
}

export interface MessageTraceDocument {
  '@timestamp': string;
  data_stream: { type: 'logs'; dataset: string; namespace: string };
  ecs: { version: string };
  event: {
    kind: 'event';
    category: ['email'];
    type: ['info'];
    action: string;
    outcome: 'success' | 'failure' | 'unknown';
    dataset: string;
    /** Set when the document is written (server/lib/ecs/event_ingested.ts), never by the mapper. */
    ingested?: string;
    original?: string;
  };
  email: {
    local_id: string;
    message_id?: string;
    subject?: string;
    delivery_timestamp: string;
    direction?: MailDirection;
    from?: { address: string[] };
    to?: { address: string[] };
    attachments?: { file: { size: number } };
    /** Custom, non-ECS: the message size as a top-level long (see docs/FIELDS.md). */
    size?: number;
  };
  network?: { direction: MailDirection };
  source?: EcsEndpoint;
  destination?: EcsEndpoint;
  related?: { user?: string[]; ip?: string[] };
  user?: { id?: OneOrMore; email?: OneOrMore; name?: OneOrMore };
  observer: { vendor: 'Microsoft'; product: 'Exchange Online' };
  organization?: { id?: string; name?: string };
  exchange_message_trace: {
    /** Custom: the Graph row (trace id + recipient) every observation of it shares; see docs/FIELDS.md. */
    row_id: string;
    /** Custom: the source IP's network (IPv4 /24, IPv6 /48), which the views group senders by. */
    source_network?: string;
    connection_id?: string;
  };
  microsoft: { online_message_trace: RawMessageTrace };
}

export interface IdentifiedDocument {
  _id: string;
  document: MessageTraceDocument;
}
