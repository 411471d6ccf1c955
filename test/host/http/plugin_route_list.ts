import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { registerRoutes } from '../../../server/routes';
import { createLogger, createLogSink } from '../logging/host_logger';
import { createHostRouter, type RegisteredRoute } from './host_router';

/** Every route the plugin registers, as the strict host router files them (nothing is served). */
export function pluginRouteList(): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  registerRoutes({
    router: createHostRouter(routes) as IRouter<RequestHandlerContext>,
    logger: createLogger(
      createLogSink('fatal', () => undefined),
      'routes'
    ),
    kibanaVersion: '9.5.0',
    dataset: 'microsoft_exchange_online_message_trace.log',
    fileUploadLimits: { maxBytes: 5_000, maxRows: 100 },
    getServices: () => new Promise(() => undefined),
    notReadyReason: () => undefined,
    canEncrypt: () => true,
  });
  return routes;
}
