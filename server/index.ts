import { schema, type TypeOf } from '@kbn/config-schema';
import type { PluginConfigDescriptor, PluginInitializerContext } from '@kbn/core/server';
import { dateCultureCodec, DATE_CULTURES, isValidTimeZone } from '../common/http_api/files';
import { isValidNamespace } from './lib/data_stream/data_stream_name';
import { globProblem } from './lib/files/configured_paths';

const configSchema = schema.object({
  dataStream: schema.object({
    dataset: schema.string({ defaultValue: 'microsoft_exchange_online_message_trace.log' }),
    /** Data stream lifecycle retention, e.g. `90d`; absent keeps data until deleted. */
    retention: schema.maybe(schema.string()),
  }),
  /**
   * Microsoft's hosts are fixed; these overrides exist for tests and the demo tenant only, and the
   * plugin accepts https origins only.
   */
  graph: schema.object({
    url: schema.maybe(schema.string()),
    loginUrl: schema.maybe(schema.string()),
    /** Path of a PEM CA certificate to trust for the overridden hosts. */
    certificateAuthority: schema.maybe(schema.string()),
  }),
  /** Message-trace exports: uploads in the app, and files a task picks up from these paths. */
  files: schema.object({
    /**
     * Absolute globs (`*`, `**`, `?`, `{a,b}`) of exports to import as they appear and grow. Only
     * here: no route or page can name a path.
     */
    paths: schema.arrayOf(schema.string({ validate: globProblem }), { defaultValue: [] }),
    /**
     * The largest upload accepted, in bytes (default 1 GiB; uploads are streamed, never held),
     * counted again once gunzipped: a gzip bomb is refused after this much, not after all it
     * expands to.
     */
    maxUploadBytes: schema.number({ defaultValue: 1024 ** 3, min: 1 }),
    /**
     * The most rows one upload may hold, rejected rows included (default 1,000,000, about three
     * minutes of importing). Larger exports go through `paths` or the command line.
     */
    maxUploadRows: schema.number({ defaultValue: 1_000_000, min: 1 }),
    /**
     * The connection whose local domains, namespace and writer API key imports from `paths` use.
     * Without one they use `localDomains` and `namespace` below and Kibana's own user, which a
     * secured cluster does not let write to `logs-*`.
     */
    connectionId: schema.maybe(schema.string()),
    localDomains: schema.arrayOf(schema.string(), { defaultValue: [] }),
    namespace: schema.string({
      defaultValue: 'default',
      validate: (namespace) =>
        isValidNamespace(namespace) ? undefined : 'lower-case letters, digits and "_" only',
    }),
    /** IANA zone of times written without one (default UTC). */
    timezone: schema.maybe(
      schema.string({
        validate: (zone) => (isValidTimeZone(zone) ? undefined : 'not an IANA time zone'),
      })
    ),
    /** Culture of dates in Windows PowerShell 5.1 exports (default en-US). */
    dateCulture: schema.maybe(
      schema.string({
        validate: (culture) =>
          dateCultureCodec.is(culture) ? undefined : `one of ${DATE_CULTURES.join(', ')}`,
      })
    ),
    /** How often the paths are looked at. */
    interval: schema.string({
      defaultValue: '1m',
      validate: (interval) =>
        /^[1-9]\d*[smhd]$/.test(interval) ? undefined : 'like 30s, 1m or 1h',
    }),
  }),
});

export type ExchangeMessageTraceConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<ExchangeMessageTraceConfig> = {
  schema: configSchema,
};

export async function plugin(context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
  const { ExchangeMessageTracePlugin } = await import('./plugin');
  return new ExchangeMessageTracePlugin(context);
}
