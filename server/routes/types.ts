import type { IRouter, Logger, RequestHandlerContext } from '@kbn/core/server';

export interface RouteDependencies {
  router: IRouter<RequestHandlerContext>;
  logger: Logger;
  kibanaVersion: string;
}
