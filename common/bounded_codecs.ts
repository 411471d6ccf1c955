import * as t from 'io-ts';
import { hasControlCharacters } from './control_characters';

/**
 * Building blocks of the request codecs. Every length, count and pattern has a bound, and the
 * message of a failing value states it, so a 400 says what is allowed.
 */

/** A codec of `base` values that also pass `valid`; `message` says what a failing one must be. */
export function refined<A>(
  base: t.Type<A, A, unknown>,
  name: string,
  valid: (value: A) => boolean,
  message: string
) {
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && valid(u),
    (u, c) => {
      const decoded = base.validate(u, c);
      if (decoded._tag === 'Left') return decoded;
      return valid(decoded.right) ? t.success(decoded.right) : t.failure(u, c, message);
    },
    t.identity
  );
}

/** Text a person typed: something besides spaces, at most `max` characters, no control characters. */
export const plainText = (max: number, name = 'Text') =>
  refined(
    t.string,
    name,
    (s) => s.trim().length > 0 && s.length <= max && !hasControlCharacters(s),
    `must be 1 to ${max} characters, without control characters`
  );

/**
 * An array of at most `max` items. The count is checked before any item, so a long array costs
 * nothing and yields one message, not one per item.
 */
export function boundedList<C extends t.Mixed>(item: C, max: number, what: string) {
  const list = t.array(item);
  return new t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown>(
    `a list of at most ${max} ${what}`,
    (u): u is Array<t.TypeOf<C>> => list.is(u) && u.length <= max,
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c, `must be a list of at most ${max} ${what}`);
      if (u.length > max) return t.failure(u, c, `must hold at most ${max} ${what}`);
      return list.validate(u, c);
    },
    list.encode
  );
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * An object with `required` and `optional` keys and no others: a key it does not know (a typo in
 * a config file) fails with its own message instead of being ignored.
 */
export function closedObject<R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string
) {
  const base = t.intersection([t.type(required), t.partial(optional)], name);
  const known = [...Object.keys(required), ...Object.keys(optional)];
  return new t.Type<t.TypeOf<typeof base>, t.OutputOf<typeof base>, unknown>(
    name,
    (u): u is t.TypeOf<typeof base> =>
      base.is(u) && Object.keys(u as object).every((key) => known.includes(key)),
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, `must be ${name}`);
      const unknownKeys = Object.keys(u).filter((key) => !known.includes(key));
      // The intersection's member indexes are not field names: it takes this entry's place.
      const last = c[c.length - 1]!;
      const decoded = base.validate(u, [...c.slice(0, -1), { ...last, type: base }]);
      if (unknownKeys.length === 0) return decoded;
      const unknownErrors = unknownKeys.map((key) => ({
        value: u[key],
        context: [...c, { key, type: t.unknown, actual: u[key] }],
        message: `is not a known setting (known: ${known.join(', ')})`,
      }));
      return t.failures([...unknownErrors, ...(decoded._tag === 'Left' ? decoded.left : [])]);
    },
    base.encode
  );
}
