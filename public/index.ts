import type { PluginInitializerContext } from '@kbn/core/public';
import { ExchangeMessageTracePublicPlugin } from './plugin';

export function plugin(context: PluginInitializerContext) {
  return new ExchangeMessageTracePublicPlugin(context);
}
