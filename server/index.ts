import { schema, type TypeOf } from '@kbn/config-schema';
import type { PluginConfigDescriptor, PluginInitializerContext } from '@kbn/core/server';

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
});

export type ExchangeMessageTraceConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<ExchangeMessageTraceConfig> = {
  schema: configSchema,
};

export async function plugin(context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
  const { ExchangeMessageTracePlugin } = await import('./plugin');
  return new ExchangeMessageTracePlugin(context);
}
