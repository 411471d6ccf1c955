import type { IRouter, Logger, RequestHandlerContext } from '@kbn/core/server';
import type { ExchangeMessageTraceServices } from '../plugin';

export interface RouteDependencies {
  router: IRouter<RequestHandlerContext>;
  logger: Logger;
  kibanaVersion: string;
  /** Resolves once the plugin has started (templates installed); a route awaits it per request. */
  getServices(): Promise<ExchangeMessageTraceServices>;
}
