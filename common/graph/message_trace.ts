import * as t from 'io-ts';

/**
 * exchangeMessageTraceStatus as Graph v1.0 spells it. The beta endpoint and the cmdlets use
 * PascalCase ("Delivered"), so statuses are matched case-insensitively against this list.
 */
export const KNOWN_STATUSES = [
  'gettingStatus',
  'pending',
  'failed',
  'delivered',
  'expanded',
  'quarantined',
  'filteredAsSpam',
  'recalled',
  'unknownFutureValue',
] as const;

export type KnownStatus = (typeof KNOWN_STATUSES)[number];

const byLowerCase = new Map(KNOWN_STATUSES.map((status) => [status.toLowerCase(), status]));

/** Graph's camelCase spelling of a status; an unknown future value keeps its own, first letter lowered. */
export function canonicalStatus(status: string): string {
  const trimmed = status.trim();
  return (
    byLowerCase.get(trimmed.toLowerCase()) ?? trimmed.charAt(0).toLowerCase() + trimmed.slice(1)
  );
}

const nullableString = t.union([t.string, t.null]);

export const isoDateTimeCodec = new t.Type<string, string, unknown>(
  'an ISO 8601 date-time',
  (u): u is string => typeof u === 'string' && !Number.isNaN(Date.parse(u)),
  (u, c) =>
    typeof u === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(u) && !Number.isNaN(Date.parse(u))
      ? t.success(u)
      : t.failure(u, c),
  t.identity
);

/** One row of `GET /admin/exchange/tracing/messageTraces`: one message to one recipient. */
export const graphMessageTraceCodec = t.intersection([
  t.type({
    id: t.string,
    receivedDateTime: isoDateTimeCodec,
    recipientAddress: t.string,
    status: t.string,
  }),
  t.partial({
    messageId: nullableString,
    senderAddress: nullableString,
    subject: nullableString,
    size: t.union([t.number, t.null]),
    fromIP: nullableString,
    toIP: nullableString,
  }),
]);

export type GraphMessageTrace = t.TypeOf<typeof graphMessageTraceCodec>;

/** A list page; rows stay `unknown` so one malformed row never rejects the rows around it. */
export const graphMessageTracePageCodec = t.intersection([
  t.type({ value: t.array(t.unknown) }),
  t.partial({ '@odata.context': t.string, '@odata.nextLink': t.string }),
]);

export type GraphMessageTracePage = t.TypeOf<typeof graphMessageTracePageCodec>;

/** One event of `getDetailsByRecipient` (exchangeMessageTraceDetail). */
export const graphMessageTraceDetailCodec = t.intersection([
  t.type({ dateTime: isoDateTimeCodec, event: t.string }),
  t.partial({
    id: nullableString,
    messageId: nullableString,
    action: nullableString,
    description: nullableString,
    data: nullableString,
  }),
]);

export type GraphMessageTraceDetail = t.TypeOf<typeof graphMessageTraceDetailCodec>;

export const graphMessageTraceDetailPageCodec = t.intersection([
  t.type({ value: t.array(t.unknown) }),
  t.partial({ '@odata.nextLink': t.string }),
]);

/** Graph's error body: `{ error: { code, message, innerError? } }`. */
export const graphErrorCodec = t.type({
  error: t.intersection([
    t.type({ code: t.string, message: t.string }),
    t.partial({ innerError: t.unknown }),
  ]),
});
