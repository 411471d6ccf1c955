import type { IRouter, Logger, RequestHandlerContext } from '@kbn/core/server';
import type { ExchangeMessageTraceServices } from '../plugin';

export interface RouteDependencies {
  router: IRouter<RequestHandlerContext>;
  logger: Logger;
  kibanaVersion: string;
  /** kibana.yml's `exchange_message_trace.files.maxUploadBytes`. */
  fileUploadMaxBytes: number;
  /** Resolves once the plugin has started (templates installed); a route awaits it per request. */
  getServices(): Promise<ExchangeMessageTraceServices>;
}
