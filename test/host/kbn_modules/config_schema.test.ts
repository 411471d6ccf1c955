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
      '[exchange_message_trace.nope]: definition for this key is missing'
    );
    expect(() => config.validate({ files: { paths: [1] } })).toThrow(
      '[files.paths.0]: expected value of type [string] but got [number]'
    );
    expect(() => config.validate({ files: { maxUploadBytes: 0 } })).toThrow(
      '[files.maxUploadBytes]: Value must be equal to or greater than [1].'
    );
  });
});
