import { schema, type TypeOf } from '@kbn/config-schema';
import type { PluginConfigDescriptor, PluginInitializerContext } from '@kbn/core/server';

const configSchema = schema.object({});

export type ExchangeMessageTraceConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<ExchangeMessageTraceConfig> = {
  schema: configSchema,
};

export async function plugin(context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
  const { ExchangeMessageTracePlugin } = await import('./plugin');
  return new ExchangeMessageTracePlugin(context);
}
