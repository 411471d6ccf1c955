import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import type { ExchangeMessageTraceConfig } from '.';
import { buildKibanaFeature } from './feature';
import { registerRoutes } from './routes';
import type { ExchangeMessageTraceSetupDeps, ExchangeMessageTraceStartDeps } from './types';

export class ExchangeMessageTracePlugin
  implements Plugin<void, void, ExchangeMessageTraceSetupDeps, ExchangeMessageTraceStartDeps>
{
  private readonly logger: Logger;

  constructor(private readonly context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
    this.logger = context.logger.get();
  }

  setup(core: CoreSetup<ExchangeMessageTraceStartDeps>, plugins: ExchangeMessageTraceSetupDeps) {
    plugins.features.registerKibanaFeature(buildKibanaFeature([]));
    registerRoutes({
      router: core.http.createRouter(),
      logger: this.logger,
      kibanaVersion: this.context.env.packageInfo.version,
    });
  }

  start(_core: CoreStart, _plugins: ExchangeMessageTraceStartDeps) {}

  stop() {}
}
