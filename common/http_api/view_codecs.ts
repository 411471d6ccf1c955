import * as t from 'io-ts';
import { plainText, refined } from '../bounded_codecs';
import { domainCodec } from '../connection';
import { hasControlCharacters } from '../control_characters';
import { isIpAddress } from '../ip_address';
import { DAY_MS } from '../time';

/** Building blocks of the views' request codecs; each failure names what a value must be. */

/** The longest range a view reads: Microsoft keeps 90 days, a backfill can hold a little more. */
export const MAX_RANGE_DAYS = 400;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date and time with its zone, every part in range: Elasticsearch reads it with
 * strict_date_optional_time, which refuses what JavaScript would roll over (February 30, 24:00).
 */
function isIsoDateTime(s: string): boolean {
  const parts = ISO_DATE_TIME.exec(s);
  if (!parts) return false;
  const [year, month, day, hour, minute, second = 0, zoneHours = 0, zoneMinutes = 0] = parts
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second < 60 &&
    zoneHours < 24 &&
    zoneMinutes < 60
  );
}

export const isoDate = refined(
  t.string,
  'ISODate',
  isIsoDateTime,
  'must be a date like 2026-11-20T00:00:00Z'
);

/** `*` stands for any characters; each one makes Elasticsearch's matching automaton larger. */
export const MAX_WILDCARDS = 5;

/**
 * A value the messages page matches exactly, or with `*` wildcards. Elasticsearch may still find
 * a pattern with long runs of one character too complex: that refusal names the field too.
 */
export const searchText = (max: number) =>
  refined(
    t.string,
    'SearchText',
    (s) => plainText(max).is(s) && [...s.matchAll(/\*/g)].length <= MAX_WILDCARDS,
    `must be 1 to ${max} characters, without control characters, with at most ${MAX_WILDCARDS} \`*\``
  );

export const wholeNumber = (min: number, max: number) =>
  refined(
    t.number,
    'Integer',
    (n) => Number.isInteger(n) && n >= min && n <= max,
    `must be a whole number from ${min} to ${max}`
  );

/** An IPv4/IPv6 address or a CIDR network (`203.0.113.0/24`). */
export const ipOrNetworkCodec = refined(
  t.string,
  'IpOrNetwork',
  (s) => {
    if (s.length > 60) return false;
    const [address, bits, ...rest] = s.trim().split('/');
    if (rest.length > 0 || !address || !isIpAddress(address)) return false;
    if (bits === undefined) return true;
    // Elasticsearch refuses a prefix on an IPv4-mapped address: v4 or v6 bits would be a guess.
    if (/^::ffff:\d/i.test(address)) return false;
    const max = address.includes(':') ? 128 : 32;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  },
  'must be an IP address or a network like 203.0.113.0/24 (an address like ::ffff:192.0.2.1 without a prefix length)'
);

/**
 * The context with `codec` in place of the wrapper that checks more than it: an intersection's
 * member indexes then stay out of the field paths (see formatCodecErrors).
 */
function standingFor(codec: t.Mixed, context: t.Context): t.Context {
  const last = context[context.length - 1];
  return last ? [...context.slice(0, -1), { ...last, type: codec }] : context;
}

/** A field of the whole request that fails a check of several fields, and why. */
export interface FieldProblem {
  key: string;
  value: unknown;
  message: string;
}

/**
 * `codec` with one more check of the decoded request, across its fields; a problem is reported at
 * its field, as a member codec's would be.
 */
export function withFieldCheck<C extends t.Mixed>(
  codec: C,
  problemOf: (value: t.TypeOf<C>) => FieldProblem | undefined
) {
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      const decoded = codec.validate(u, standingFor(codec, c));
      if (decoded._tag === 'Left') return decoded;
      const problem = problemOf(decoded.right);
      if (!problem) return decoded;
      return t.failure(
        problem.value,
        [...c, { key: problem.key, type: t.unknown }],
        problem.message
      );
    },
    codec.encode
  );
}

/** A codec of an object with `start` and `end` that also checks they make a range. */
export function withValidRange<C extends t.Mixed>(codec: C) {
  return withFieldCheck(codec, (value) => {
    const { start, end } = value as { start: string; end: string };
    const span = Date.parse(end) - Date.parse(start);
    if (span <= 0) return { key: 'end', value: end, message: 'must be after start' };
    if (span > MAX_RANGE_DAYS * DAY_MS) {
      return { key: 'end', value: end, message: `must be within ${MAX_RANGE_DAYS} days of start` };
    }
    return undefined;
  });
}

/** An address (`a@b.com`) or a whole domain (`b.com`); stored lower-cased. */
export const knownSenderCodec = refined(
  t.string,
  'Sender',
  (s) => {
    const value = s.trim();
    const at = value.lastIndexOf('@');
    return (
      value.length <= 320 &&
      !/\s/.test(value) &&
      !hasControlCharacters(value) &&
      (at < 0 ? domainCodec.is(value) : at > 0 && domainCodec.is(value.slice(at + 1)))
    );
  },
  'must be an address like a@example.com or a domain like example.com, at most 320 characters'
);

/**
 * A codec of a paged request that also checks the page lies within the first `window` rows, the
 * most Elasticsearch pages through (from + size).
 */
export function withinResultWindow<C extends t.Mixed>(
  codec: C,
  window: number,
  defaultPageSize: number
) {
  return withFieldCheck(codec, (value) => {
    const { pageIndex = 0, pageSize = defaultPageSize } = value as {
      pageIndex?: number;
      pageSize?: number;
    };
    if (pageIndex * pageSize < window) return undefined;
    return {
      key: 'pageIndex',
      value: pageIndex,
      message: `must be below ${Math.ceil(window / pageSize)} with pages of ${pageSize} rows: only the first ${window} rows can be paged through`,
    };
  });
}
