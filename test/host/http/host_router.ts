import type { IRouter, RequestHandler, RouteConfig, RouteMethod } from '@kbn/core/server';
import { compileRoutePath, type RoutePathMatcher } from './route_path';
import { routeFullPath, validRoute, type ValidRoute } from './route_registration_rules';

export interface RegisteredRoute extends ValidRoute {
  method: RouteMethod;
  path: string;
  matcher: RoutePathMatcher;
  config: RouteConfig<unknown, unknown, unknown, RouteMethod>;
  handler: RequestHandler<unknown, unknown, unknown, never, RouteMethod>;
}

/**
 * hapi refuses a route filed under the shape of one already there (`/x/{a}` and `/x/{b}`).
 * Kibana hands its routes to hapi when the server starts, so there the throw aborts Kibana's start;
 * the host throws at registration, which aborts its start just the same.
 * hapi: hapijs/call lib/segment.js @ 1ebc0fc4 (an old version; the text in hapi 21 is UNCONFIRMED).
 */
function assertNoConflict(routes: RegisteredRoute[], method: RouteMethod, path: string) {
  const { fingerprints } = compileRoutePath(path);
  const existing = routes.find(
    (route) =>
      route.method === method &&
      route.matcher.fingerprints.some((finger) => fingerprints.includes(finger))
  );
  if (existing) throw new Error(`New route ${path} conflicts with existing ${existing.path}`);
}

/**
 * `core.http.createRouter()`: the five registrars Kibana's router has, each checking the route as
 * Kibana does (route_registration_rules.ts) before filing it.
 * Kibana: src/core/packages/http/router-server-internal/src/router.ts @ 0311e8ba
 */
export function createHostRouter(routes: RegisteredRoute[], routerPath = ''): IRouter {
  const registrar =
    (method: RouteMethod) =>
    (
      config: RouteConfig<unknown, unknown, unknown, RouteMethod>,
      handler: RegisteredRoute['handler']
    ) => {
      const valid = validRoute(method, config);
      const path = routeFullPath(routerPath, config.path);
      assertNoConflict(routes, method, path);
      routes.push({ ...valid, method, path, matcher: compileRoutePath(path), config, handler });
    };
  return {
    routerPath,
    get: registrar('get'),
    post: registrar('post'),
    put: registrar('put'),
    patch: registrar('patch'),
    delete: registrar('delete'),
  } as unknown as IRouter;
}
