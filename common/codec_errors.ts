import type * as t from 'io-ts';

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
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
  const redacted = context.some((entry) => (entry.type as { redacted?: boolean }).redacted);
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
 * A codec's own message (t.failure's third argument) wins over the generic wording. Codecs marked
 * `redacted` (secrets) never have their value quoted.
 */
export function formatCodecErrors(errors: t.Errors): string[] {
  const lines = errors.map((error) => {
    const { path, expected, redacted } = describeError(error);
    const got = redacted ? 'a value that is not shown' : describeValue(error.value);
    const reason = error.message ?? `expected ${expected}, got ${got}`;
    return path ? `${path}: ${reason}` : reason;
  });
  return [...new Set(lines)];
}
