import fc from 'fast-check';

/**
 * What a careless or hostile caller sends in place of a value: long, deep, control characters,
 * wildcards, unusual Unicode and wrong types. Long values are repetitions, so generating them stays
 * cheap, and a whole request stays well under Kibana's 1 MiB body limit.
 */

const CONTROL_PIECES = [
  '\n',
  '\r\n',
  '\u0000',
  '\u001b[31m',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u202e',
  '\u2066',
  '\t',
  '\ud800',
  '\udfff',
];

/** Text with line breaks, terminal escapes, NUL, bidirectional overrides, lone surrogates. */
export const controlText = fc
  .array(fc.oneof(fc.constantFrom(...CONTROL_PIECES), fc.string({ maxLength: 8 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''))
  .filter((text) => /[\p{Cc}\p{Cs}\u2028\u202e\u2066]/u.test(text));

export const longText = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 150, max: 6000 }))
  .map(([unit, count]) => unit.repeat(count));

/** Many `*`, and the long runs of one letter next to a `*` that make Lucene's automaton blow up. */
export const wildcardText = fc.oneof(
  fc.integer({ min: 1, max: 1000 }).map((stars) => '*'.repeat(stars)),
  fc
    .tuple(
      fc.constantFrom('a', 'A', 'ab', 'aab', '\\', '?', '.*', '[a-z]', '%', '_'),
      fc.integer({ min: 1, max: 330 }),
      fc.integer({ min: 1, max: 7 })
    )
    .map(([unit, length, stars]) => {
      const run = unit.repeat(length).slice(0, length);
      return Array.from({ length: stars }, (_, i) => (i % 2 === 0 ? '*' : run)).join('') + run;
    })
);

export const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'İstanbul',
    'Straße',
    '😀'.repeat(120),
    '\ufeffcontoso.com',
    'ｃｏｎｔｏｓｏ.com',
    'xn--80ak6aa92e.com',
    'a\u0301\u0301\u0301\u0301',
    '𝒶@𝒷.𝒸'
  )
);

function nested(kind: 'array' | 'object', depth: number): unknown {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const deepValue = fc
  .tuple(fc.constantFrom('array' as const, 'object' as const), fc.integer({ min: 20, max: 3000 }))
  .map(([kind, depth]) => nested(kind, depth));

export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom({}, [], { __proto__: { admin: true } }, { constructor: { prototype: 1 } })
);

/** A long list: more items than any bound, each a plausible or hostile string. */
export const longList = fc
  .tuple(fc.oneof(fc.string({ maxLength: 12 }), controlText), fc.integer({ min: 21, max: 6000 }))
  .map(([item, count]) => Array.from({ length: count }, (_, i) => `${item}${i}`));

export const hostileText = fc.oneof(
  controlText,
  longText,
  wildcardText,
  unicodeText,
  fc.constantFrom('', ' ', '  padded  ', 'null', 'undefined', '../..', '%00', '${7*7}')
);

/** Anything a JSON field could hold instead of what the route expects. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: longList },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 1, maxLength: 5 }) }
);

/**
 * A path segment a browser can send: well-formed Unicode (encodeURIComponent refuses lone
 * surrogates), not empty and not `.` or `..`, which every URL parser resolves before sending.
 */
export const hostilePathSegment = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc
      .tuple(
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }),
        fc.integer({ min: 50, max: 2500 })
      )
      .map(([unit, count]) => unit.repeat(count).slice(0, 2500)),
    fc.constantFrom('a/b', 'a%2Fb', '*', '?x=1', '#', '%', ' ', 'null', '\n', '\u0000', '\u202e')
  )
  .filter((segment) => !/\p{Cs}/u.test(segment) && segment !== '.' && segment !== '..');

/**
 * `base` with one to three fields replaced (by a hostile value, a value at a bound, or nothing) and
 * sometimes an extra field: mostly a request that is wrong in a few places, as a careless client's.
 */
function mutatedObject(
  base: Record<string, unknown>,
  edges: Record<string, fc.Arbitrary<unknown>> = {}
): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(edges)])];
  const replacement = (key: string) =>
    fc.oneof(
      { weight: 4, arbitrary: hostileValue },
      { weight: 3, arbitrary: edges[key] ?? hostileValue },
      { weight: 1, arbitrary: fc.constant(undefined) }
    );
  return fc
    .tuple(
      fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }),
      fc.option(fc.tuple(fc.string({ maxLength: 20 }), hostileValue), { freq: 5 })
    )
    .chain(([chosen, extra]) =>
      fc.tuple(...chosen.map(replacement)).map((values) => {
        const request: Record<string, unknown> = { ...base };
        chosen.forEach((key, index) => {
          if (values[index] === undefined) delete request[key];
          else request[key] = values[index];
        });
        if (extra) request[extra[0]] = extra[1];
        return request;
      })
    );
}

/** A JSON body: mostly `base` mutated, sometimes not an object at all. */
export function hostileBody(
  base: Record<string, unknown>,
  edges: Record<string, fc.Arbitrary<unknown>> = {}
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: mutatedObject(base, edges) },
    { weight: 1, arbitrary: hostileValue }
  );
}
