import type * as t from 'io-ts';
import { quoteText } from './control_characters';

/** A request with thousands of wrong list items gets the first lines and a count of the rest. */
const MAX_LINES = 20;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return quoteText(value, 40);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

type Inspectable = t.Decoder<unknown, unknown> & {
  redacted?: boolean;
  props?: Record<string, Inspectable>;
  types?: Inspectable[];
  type?: Inspectable;
};

/**
 * Whether a value checked by `type` may hold a secret: the type is marked `redacted` or has such a
 * member (a `secrets` object, or a whole request carrying one), so a wrongly typed value in its
 * place could be the secret itself.
 */
function mayHoldSecret(type: Inspectable, seen = new Set<Inspectable>()): boolean {
  if (type.redacted) return true;
  if (seen.has(type)) return false;
  seen.add(type);
  const members = [...Object.values(type.props ?? {}), ...(type.types ?? [])];
  if (type.type) members.push(type.type);
  return members.some((member) => mayHoldSecret(member, seen));
}

function tagOf(type: t.Decoder<unknown, unknown>): string | undefined {
  return (type as { _tag?: string })._tag;
}

/**
 * Unions and intersections put member indexes into the context; they are not field names. A union
 * also reports one error per member, so the path stops there and the union's name says what fits.
 */
function describeError(error: t.ValidationError): {
  path: string;
  expected: string;
  redacted: boolean;
} {
  const { context } = error;
  // The failing value stands where a secret may be: at a secret, or in place of an object (or a
  // whole request) that may hold one.
  const redacted = context.some(
    (entry) =>
      (entry.type as Inspectable).redacted ||
      (entry.actual === error.value && mayHoldSecret(entry.type as Inspectable))
  );
  const keys: string[] = [];
  let expected = context[context.length - 1]?.type.name ?? 'a valid value';
  for (let index = 1; index < context.length; index++) {
    const parent = context[index - 1]!.type;
    if (tagOf(parent) === 'UnionType') {
      expected = parent.name;
      break;
    }
    if (tagOf(parent) !== 'IntersectionType') keys.push(context[index]!.key);
  }
  return { path: keys.join('.'), expected, redacted };
}

/**
 * One readable line per failing field, e.g. `tenantId: expected a GUID or a verified domain, got "x"`.
 * A codec's own message (t.failure's third argument) wins over the generic wording. A value that
 * may hold a secret is never quoted (see mayHoldSecret); others are quoted escaped and cut short.
 */
export function formatCodecErrors(errors: t.Errors): string[] {
  const lines = errors.map((error) => {
    const { path, expected, redacted } = describeError(error);
    const got = redacted ? 'a value that is not shown' : describeValue(error.value);
    const reason = error.message ?? `expected ${expected}, got ${got}`;
    return path ? `${path}: ${reason}` : reason;
  });
  const distinct = [...new Set(lines)];
  if (distinct.length <= MAX_LINES) return distinct;
  return [...distinct.slice(0, MAX_LINES), `and ${distinct.length - MAX_LINES} more`];
}
