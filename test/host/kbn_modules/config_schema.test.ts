import { schema } from './config_schema';

describe('config-schema stand-in', () => {
  const config = schema.object({
    files: schema.object({
      paths: schema.arrayOf(schema.string(), { defaultValue: [] }),
      maxUploadBytes: schema.number({ defaultValue: 10, min: 1 }),
    }),
    graphUrl: schema.maybe(schema.string()),
  });

  it('applies defaults', () => {
    expect(config.validate({})).toEqual({ files: { paths: [], maxUploadBytes: 10 } });
  });

  it('rejects unknown keys and wrong types the way Kibana words it', () => {
    expect(() => config.validate({ nope: 1 }, {}, 'exchange_message_trace')).toThrow(
      "[exchange_message_trace.nope]: Additional properties are not allowed ('nope' was unexpected)"
    );
    expect(() => config.validate({ files: { paths: [1] } })).toThrow(
      '[files.paths.0]: expected value of type [string] but got [number]'
    );
    expect(() => config.validate({ files: { maxUploadBytes: 0 } })).toThrow(
      '[files.maxUploadBytes]: Value must be equal to or greater than [1].'
    );
  });

  // The expected texts are those of Kibana's own config-schema tests and of plugins' snapshots of
  // its errors (e.g. stack connectors' `[index.1]: expected value to equal [null] but got [666]`).
  it('checks the declared keys before it reports an unknown one', () => {
    expect(() => config.validate({ nope: 1, graphUrl: 2 })).toThrow(
      '[graphUrl]: expected value of type [string] but got [number]'
    );
  });

  it('names each failed alternative of oneOf by its index, nested lists one space deeper', () => {
    const nullable = schema.oneOf([schema.literal(null), schema.object({ a: schema.string() })]);
    expect(() => nullable.validate({ a: 'x', b: 1 }, {}, 'field')).toThrow(
      new Error(
        [
          '[field]: types that failed validation:',
          '- [field.0]: expected value to equal [null] but got [{"a":"x","b":1}]',
          "- [field.1.b]: Additional properties are not allowed ('b' was unexpected)",
        ].join('\n')
      )
    );
    // Kibana's feature_registry.test.ts, 'requires a value for privileges'.
    expect(() => schema.object({ privileges: nullable }).validate({})).toThrow(
      '[privileges]: expected at least one defined value but got [undefined]'
    );
    // Kibana's own union_type.test.ts, 'fails if nested union type fail'.
    const nested = schema.oneOf([
      schema.oneOf([schema.boolean()]),
      schema.oneOf([schema.oneOf([schema.object({}), schema.number()])]),
    ]);
    expect(() => nested.validate('aaa')).toThrow(
      new Error(
        [
          'types that failed validation:',
          '- [0]: types that failed validation:',
          ' - [0]: expected value of type [boolean] but got [string]',
          '- [1]: types that failed validation:',
          ' - [0]: types that failed validation:',
          '  - [0]: expected a plain object value, but found [string] instead.',
          '  - [1]: expected value of type [number] but got [string]',
        ].join('\n')
      )
    );
  });

  it('checks recordOf keys and values, naming a bad key key("…")', () => {
    const record = schema.recordOf(
      schema.string({ validate: (key) => (/^[a-z]+$/.test(key) ? undefined : 'lower case') }),
      schema.arrayOf(schema.string())
    );
    expect(record.validate({ ok: ['x'] })).toEqual({ ok: ['x'] });
    expect(() => record.validate({ 'Not ok': [] }, {}, 'm')).toThrow(
      '[m.key("Not ok")]: lower case'
    );
    expect(() => record.validate({ ok: [1] }, {}, 'm')).toThrow(
      '[m.ok.0]: expected value of type [string] but got [number]'
    );
    expect(() => record.validate([], {}, 'm')).toThrow(
      '[m]: expected value of type [object] but got [Array]'
    );
  });

  it('never accepts only an absent value', () => {
    const withNever = schema.object({ gone: schema.never() });
    expect(withNever.validate({})).toEqual({});
    expect(() => withNever.validate({ gone: 'x' })).toThrow(
      "[gone]: a value wasn't expected to be present"
    );
  });

  it('conditional picks its type by a sibling, which must be present and equal', () => {
    const type = schema.object({
      kind: schema.maybe(schema.oneOf([schema.literal(null), schema.string()])),
      items: schema.maybe(
        schema.conditional(
          schema.siblingRef('kind'),
          null,
          schema.arrayOf(schema.never(), { maxSize: 0 }),
          schema.arrayOf(schema.string())
        )
      ),
    });
    expect(type.validate({ kind: null, items: [] })).toEqual({ kind: null, items: [] });
    // As Kibana's feature_registry.test.ts has it for sub-features without privileges.
    expect(() => type.validate({ kind: null, items: ['a'] })).toThrow(
      '[items]: array size is [1], but cannot be greater than [0]'
    );
    expect(type.validate({ kind: 'x', items: ['a'] })).toEqual({ kind: 'x', items: ['a'] });
    expect(type.validate({ items: ['a'] })).toEqual({ items: ['a'] });
  });
});
