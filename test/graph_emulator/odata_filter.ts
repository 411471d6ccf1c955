/**
 * The `$filter` subset the message trace list supports (reference A2/A5): `receivedDateTime ge/le`
 * bounds, `eq` on id/messageId/senderAddress/recipientAddress/status/fromIP/toIP,
 * `contains/startsWith/endsWith(subject,'…')`, combined with `and`. `or` is rejected: Microsoft's
 * behaviour is conflicting (silently ignored vs. honoured), so a client must not rely on it.
 */
import type { TraceRecord, TraceStatus } from './trace_record';

export class FilterError extends Error {}

export type EqProperty =
  | 'id'
  | 'messageId'
  | 'senderAddress'
  | 'recipientAddress'
  | 'status'
  | 'fromIP'
  | 'toIP';
const EQ_PROPERTIES: readonly EqProperty[] = [
  'id',
  'messageId',
  'senderAddress',
  'recipientAddress',
  'status',
  'fromIP',
  'toIP',
];

export interface ParsedFilter {
  start?: number;
  end?: number;
  equals: Array<{ property: EqProperty; value: string }>;
  subject: Array<{ fn: 'contains' | 'startswith' | 'endswith'; value: string }>;
}

/** OData DateTimeOffset literal; Graph documents `YYYY-MM-DDThh:mm:ssZ`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Splits on top-level ` and ` outside quotes and parentheses; notes any ` or ` outside quotes. */
function splitTopLevel(text: string): { clauses: string[]; hasOr: boolean } {
  const clauses: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  let hasOr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'")
      quoted = !quoted; // '' escapes toggle twice: net unchanged
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && /\s/.test(c!)) {
      const rest = text.slice(i).match(/^\s+(and|or)\s+/i);
      if (rest && rest[1]!.toLowerCase() === 'or') hasOr = true;
      if (rest && depth === 0) {
        clauses.push(text.slice(start, i));
        i += rest[0].length - 1;
        start = i + 1;
      }
    }
  }
  clauses.push(text.slice(start));
  return { clauses: clauses.map((c) => c.trim()), hasOr };
}

function unwrap(clause: string): string {
  let c = clause.trim();
  while (c.startsWith('(') && c.endsWith(')')) c = c.slice(1, -1).trim();
  return c;
}

const unquote = (s: string) => s.replace(/''/g, "'");

export function parseFilter(text: string): ParsedFilter {
  const filter: ParsedFilter = { equals: [], subject: [] };
  const { clauses, hasOr } = splitTopLevel(text.trim());
  if (hasOr)
    throw new FilterError("The 'or' operator is not supported in the filter for message traces.");
  for (const raw of clauses) {
    const clause = unwrap(raw);
    if (!clause) throw new FilterError(`Invalid filter clause: '${raw}'.`);
    const range = /^receivedDateTime\s+(\w+)\s+(.+)$/i.exec(clause);
    if (range) {
      const op = range[1]!.toLowerCase();
      const literal = range[2]!.trim();
      if (op !== 'ge' && op !== 'le') {
        throw new FilterError(
          `Operator '${op}' is not supported for receivedDateTime; use 'ge' and 'le'.`
        );
      }
      if (!DATE_TIME.test(literal) || Number.isNaN(Date.parse(literal))) {
        throw new FilterError(
          `The value '${literal}' for receivedDateTime is not a valid DateTimeOffset (expected YYYY-MM-DDThh:mm:ssZ).`
        );
      }
      const key = op === 'ge' ? 'start' : 'end';
      if (filter[key] !== undefined)
        throw new FilterError(`receivedDateTime '${op}' is specified more than once.`);
      filter[key] = Date.parse(literal);
      continue;
    }
    const eq = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause);
    if (eq) {
      const property = EQ_PROPERTIES.find((p) => p.toLowerCase() === eq[1]!.toLowerCase());
      if (!property)
        throw new FilterError(`Filtering on property '${eq[1]}' with 'eq' is not supported.`);
      filter.equals.push({ property, value: unquote(eq[2]!) });
      continue;
    }
    const fn = /^(contains|startswith|endswith)\(\s*subject\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(
      clause
    );
    if (fn) {
      filter.subject.push({ fn: fn[1]!.toLowerCase() as 'contains', value: unquote(fn[2]!) });
      continue;
    }
    throw new FilterError(`Invalid filter clause: '${clause}'.`);
  }
  return filter;
}

/** Whether a row (with its status as of the query snapshot) passes the non-time clauses. */
export function matchesFilter(
  record: TraceRecord,
  status: TraceStatus,
  filter: ParsedFilter
): boolean {
  for (const { property, value } of filter.equals) {
    const actual = property === 'status' ? status : record[property];
    if (actual === null || actual === undefined) return false;
    const caseless = property !== 'fromIP' && property !== 'toIP';
    if (caseless ? String(actual).toLowerCase() !== value.toLowerCase() : actual !== value)
      return false;
  }
  for (const { fn, value } of filter.subject) {
    const subject = (record.subject ?? '').toLowerCase();
    const v = value.toLowerCase();
    if (
      fn === 'contains'
        ? !subject.includes(v)
        : fn === 'startswith'
          ? !subject.startsWith(v)
          : !subject.endsWith(v)
    ) {
      return false;
    }
  }
  return true;
}
