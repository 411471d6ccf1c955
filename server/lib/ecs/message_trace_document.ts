import { networkOf } from '../scoring/ip_network';
import { canonicalStatus, type GraphMessageTrace } from '../../../common/graph/message_trace';
import {
  DEFAULT_DATASET,
  DEFAULT_NAMESPACE,
  dataStreamName,
} from '../data_stream/data_stream_name';
import { createDomainMatcher, mailDirection, type MailDirection } from './direction';
import { messageTraceDocumentId, messageTraceRowId } from './document_id';
import {
  NULL_SENDER,
  domainParts,
  parseEmailAddress,
  validIp,
  type EmailAddressParts,
} from './email_address';
import {
  ECS_VERSION,
  type EcsEndpoint,
  type IdentifiedDocument,
  type MessageTraceDocument,
  type OneOrMore,
  type RawMessageTrace,
} from './types';

export interface MessageTraceMappingOptions {
  /** The tenant's own domains; without any, `email.direction` and `user.*` stay unset, as in the integration. */
  localDomains?: readonly string[];
  /** mail.contoso.com counts as contoso.com. Off by default: the integration matches exactly. */
  matchSubdomains?: boolean;
  dataset?: string;
  namespace?: string;
  /** `organization.id`: one installation may collect many tenants (MSSPs). */
  tenantId?: string;
  /** `organization.name`: the connection's display name. */
  connectionName?: string;
  /** `exchange_message_trace.connection_id`. */
  connectionId?: string;
  /** Keep the row as JSON in `event.original` (off by default, as the integration's option). */
  preserveOriginal?: boolean;
}

export type MessageTraceMapper = (row: GraphMessageTrace) => IdentifiedDocument;

const FAILURE_STATUSES = new Set(['failed', 'quarantined', 'filteredAsSpam']);

/** The integration's outcome rule; pending, expanded, gettingStatus and future values are unknown. */
export function eventOutcome(status: string): 'success' | 'failure' | 'unknown' {
  const canonical = canonicalStatus(status);
  if (canonical === 'delivered') return 'success';
  return FAILURE_STATUSES.has(canonical) ? 'failure' : 'unknown';
}

const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ES_DATE_NANOS =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Graph sends UTC with `Z`; legacy and PowerShell exports may omit the zone, which Elasticsearch
 * (and the integration's date processor) read as UTC while JavaScript would read local time.
 */
function receivedTimes(raw: string): { timestamp: string; received: string } {
  const trimmed = raw.trim();
  const millis = Date.parse(HAS_ZONE.test(trimmed) ? trimmed : `${trimmed}Z`);
  if (Number.isNaN(millis)) throw new Error(`receivedDateTime "${raw}" is not a date`);
  const timestamp = new Date(millis).toISOString();
  // The raw field is date_nanos: keep Graph's 100 ns precision when Elasticsearch can parse it as is.
  return { timestamp, received: ES_DATE_NANOS.test(trimmed) ? trimmed : timestamp };
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

function endpoint(
  parts: EmailAddressParts | undefined,
  ip: string | undefined
): EcsEndpoint | undefined {
  const result: EcsEndpoint = {};
  if (ip) result.ip = ip;
  if (parts) {
    result.user = { id: parts.address, email: parts.address };
    if (parts.name) result.user.name = parts.name;
    if (parts.domain) {
      result.user.domain = parts.domain;
      result.domain = parts.domain;
      Object.assign(result, domainParts(parts.domain));
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function collapse(values: string[]): OneOrMore | undefined {
  const unique = [...new Set(values)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : unique;
}

/**
 * The integration's `user.*` rule as intended: the recipient for inbound, the sender for outbound,
 * both (recipient first) for internal, nobody for external. Its conditions read
 * `a && b && dir == "inbound" || dir == "internal"`, so for internal mail it appended even missing
 * values (its empty-field cleanup hid that); here a missing value is simply skipped.
 */
function directionUsers(
  direction: MailDirection | undefined,
  sender: EmailAddressParts | undefined,
  recipient: EmailAddressParts | undefined
): MessageTraceDocument['user'] {
  const people: EmailAddressParts[] = [];
  if ((direction === 'inbound' || direction === 'internal') && recipient) people.push(recipient);
  if ((direction === 'outbound' || direction === 'internal') && sender) people.push(sender);
  const user: NonNullable<MessageTraceDocument['user']> = {};
  const id = collapse(people.map((person) => person.address));
  const name = collapse(people.flatMap((person) => (person.name ? [person.name] : [])));
  if (id) user.id = user.email = id;
  if (name) user.name = name;
  return Object.keys(user).length > 0 ? user : undefined;
}

function rawRow(row: GraphMessageTrace, received: string): RawMessageTrace {
  const raw: RawMessageTrace = { MessageTraceId: row.id, Received: received, Status: row.status };
  const optional: Array<[keyof RawMessageTrace, string | null | undefined]> = [
    ['MessageId', row.messageId],
    ['SenderAddress', row.senderAddress],
    ['RecipientAddress', row.recipientAddress],
    ['Subject', row.subject],
    ['FromIP', row.fromIP],
    ['ToIP', row.toIP],
  ];
  // The integration drops null and "" fields; so do we.
  for (const [key, value] of optional) {
    const kept = nonEmpty(value);
    if (kept !== undefined) Object.assign(raw, { [key]: kept });
  }
  if (typeof row.size === 'number') raw.Size = row.size;
  return raw;
}

/** Builds a mapper once per connection: the local-domain set and data stream parts are checked once. */
export function createMessageTraceMapper(
  options: MessageTraceMappingOptions = {}
): MessageTraceMapper {
  const dataset = options.dataset ?? DEFAULT_DATASET;
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  dataStreamName(dataset, namespace); // validates both
  const localDomains = options.localDomains ?? [];
  const isLocal = createDomainMatcher(localDomains, options.matchSubdomains ?? false);
  const organization = {
    ...(nonEmpty(options.tenantId) ? { id: options.tenantId } : {}),
    ...(nonEmpty(options.connectionName) ? { name: options.connectionName } : {}),
  };

  return (row) => {
    const { timestamp, received } = receivedTimes(row.receivedDateTime);
    const sender = parseEmailAddress(row.senderAddress);
    const recipient = parseEmailAddress(row.recipientAddress);
    const sourceIp = validIp(row.fromIP);
    const sourceNetwork = sourceIp === undefined ? undefined : networkOf(sourceIp);
    const destinationIp = validIp(row.toIP);
    const direction =
      localDomains.length > 0
        ? mailDirection(isLocal(sender?.domain), isLocal(recipient?.domain))
        : undefined;
    const messageId = nonEmpty(row.messageId);
    const subject = nonEmpty(row.subject);
    const size = typeof row.size === 'number' ? row.size : undefined;

    const document: MessageTraceDocument = {
      '@timestamp': timestamp,
      data_stream: { type: 'logs', dataset, namespace },
      ecs: { version: ECS_VERSION },
      event: {
        kind: 'event',
        category: ['email'],
        type: ['info'],
        action: canonicalStatus(row.status),
        outcome: eventOutcome(row.status),
        dataset,
        ...(options.preserveOriginal ? { original: JSON.stringify(row) } : {}),
      },
      email: {
        local_id: row.id,
        ...(messageId !== undefined ? { message_id: messageId } : {}),
        ...(subject !== undefined ? { subject } : {}),
        delivery_timestamp: timestamp,
        ...(direction ? { direction } : {}),
        ...(sender ? { from: { address: [sender.address] } } : {}),
        ...(recipient ? { to: { address: [recipient.address] } } : {}),
        ...(size !== undefined ? { attachments: { file: { size } }, size } : {}),
      },
      observer: { vendor: 'Microsoft', product: 'Exchange Online' },
      exchange_message_trace: {
        row_id: messageTraceRowId(row),
        ...(sourceNetwork ? { source_network: sourceNetwork } : {}),
      },
      microsoft: { online_message_trace: rawRow(row, received) },
    };

    if (direction) document.network = { direction };
    const source = endpoint(sender, sourceIp);
    const destination = endpoint(recipient, destinationIp);
    if (source) document.source = source;
    if (destination) document.destination = destination;

    // The integration's order: recipient, sender, then their local parts. `<>` is nobody.
    const people = [recipient, sender].filter(
      (parts): parts is EmailAddressParts => parts !== undefined && parts.address !== NULL_SENDER
    );
    const relatedUsers = [
      ...new Set([
        ...people.map((parts) => parts.address),
        ...people.flatMap((parts) => (parts.name ? [parts.name] : [])),
      ]),
    ];
    const relatedIps = [...new Set([sourceIp, destinationIp].filter((ip) => ip !== undefined))];
    if (relatedUsers.length > 0 || relatedIps.length > 0) {
      document.related = {
        ...(relatedUsers.length > 0 ? { user: relatedUsers } : {}),
        ...(relatedIps.length > 0 ? { ip: relatedIps } : {}),
      };
    }
    const user = directionUsers(direction, sender, recipient);
    if (user) document.user = user;
    if (Object.keys(organization).length > 0) document.organization = organization;
    if (nonEmpty(options.connectionId)) {
      document.exchange_message_trace.connection_id = options.connectionId as string;
    }

    return { _id: messageTraceDocumentId(row), document };
  };
}

/** One-off convenience; for many rows build the mapper once with createMessageTraceMapper. */
export function toMessageTraceDocument(
  row: GraphMessageTrace,
  options: MessageTraceMappingOptions = {}
): IdentifiedDocument {
  return createMessageTraceMapper(options)(row);
}
