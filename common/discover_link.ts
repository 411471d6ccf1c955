import type { MessageSearchFields, ViewScope } from './http_api/views';

/** An ES|QL string literal: backslashes and quotes escaped. */
const literal = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const list = (values: readonly string[]) => values.map(literal).join(', ');

/** Case-insensitive, `*` as a wildcard: as the messages search matches. */
function matches(field: string, value: string): string {
  const lowered = value.trim().toLowerCase();
  return lowered.includes('*')
    ? `TO_LOWER(${field}) LIKE ${literal(lowered)}`
    : `TO_LOWER(${field}) == ${literal(lowered)}`;
}

function addressOrDomain(address: string, domain: string, value: string): string {
  return value.includes('@')
    ? matches(address, value)
    : `(${matches(address, value)} OR ${matches(domain, value)})`;
}

function ipMatch(value: string): string {
  const network = value.includes('/') ? value : `${value}/${value.includes(':') ? 128 : 32}`;
  return `(CIDR_MATCH(source.ip, ${literal(network)}) OR CIDR_MATCH(destination.ip, ${literal(network)}))`;
}

/**
 * The messages search as ES|QL. Discover shows every observation: a row seen in two statuses
 * appears twice there, once here.
 */
export function messagesEsql(index: string, request: ViewScope & MessageSearchFields): string {
  const conditions = [
    `@timestamp >= ${literal(request.start)} AND @timestamp <= ${literal(request.end)}`,
    request.connectionIds?.length &&
      `exchange_message_trace.connection_id IN (${list(request.connectionIds)})`,
    request.namespaces?.length && `data_stream.namespace IN (${list(request.namespaces)})`,
    request.sender && addressOrDomain('email.from.address', 'source.domain', request.sender),
    request.recipient &&
      addressOrDomain('email.to.address', 'destination.domain', request.recipient),
    request.subject &&
      `TO_LOWER(email.subject) LIKE ${literal(`*${request.subject.toLowerCase()}*`)}`,
    request.messageId &&
      `email.message_id IN (${list([request.messageId, `<${request.messageId.replace(/^<|>$/g, '')}>`])})`,
    request.traceId && matches('email.local_id', request.traceId),
    request.ip && ipMatch(request.ip),
    request.statuses?.length && `event.action IN (${list(request.statuses)})`,
    request.direction?.length && `email.direction IN (${list(request.direction)})`,
  ].filter((condition): condition is string => Boolean(condition));
  return [
    `FROM ${index}`,
    ...conditions.map((condition) => `| WHERE ${condition}`),
    '| SORT @timestamp DESC',
    '| KEEP @timestamp, event.action, email.from.address, email.to.address, email.subject, source.ip, email.direction, email.local_id',
  ].join('\n');
}

/** Rison's string: quoted, `!` and `'` escaped with `!`. */
const rison = (value: string) => `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;

/** Discover (ES|QL mode) over the same range and query; prepend the base path to use it. */
export function discoverPath(index: string, request: ViewScope & MessageSearchFields): string {
  const global = `(time:(from:${rison(request.start)},to:${rison(request.end)}))`;
  const app = `(dataSource:(type:esql),query:(esql:${rison(messagesEsql(index, request))}))`;
  return `/app/discover#/?_g=${encodeURIComponent(global)}&_a=${encodeURIComponent(app)}`;
}
