import type {
  IRouter,
  RequestHandler,
  RouteConfig,
  RouteMethod,
  RouteSecurity,
} from '@kbn/core/server';
import { compileRoutePath, type RoutePathMatcher } from './route_path';

export interface RegisteredRoute {
  method: RouteMethod;
  path: string;
  matcher: RoutePathMatcher;
  config: RouteConfig<unknown, unknown, unknown, RouteMethod>;
  handler: RequestHandler<unknown, unknown, unknown, never, RouteMethod>;
}

/** Kibana refuses at registration what it could not enforce later (9.1+ makes `security` mandatory). */
function assertRouteContract(
  method: string,
  config: RouteConfig<unknown, unknown, unknown, RouteMethod>
) {
  const where = `[${method.toUpperCase()} ${config.path}]`;
  if (config.validate === undefined) {
    throw new Error(
      `The [${method}] at [${config.path}] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation.`
    );
  }
  const security = config.security as RouteSecurity | undefined;
  if (!security?.authz) throw new Error(`${where} must declare security.authz`);
  const authz = security.authz as {
    enabled?: false;
    reason?: string;
    requiredPrivileges?: unknown[];
  };
  if (authz.enabled === false ? !authz.reason : !authz.requiredPrivileges?.length) {
    throw new Error(
      `${where} security.authz needs requiredPrivileges, or enabled: false with a reason`
    );
  }
}

export function createHostRouter(routes: RegisteredRoute[], routerPath = ''): IRouter {
  const registrar =
    (method: RouteMethod) =>
    (
      config: RouteConfig<unknown, unknown, unknown, RouteMethod>,
      handler: RegisteredRoute['handler']
    ) => {
      assertRouteContract(method, config);
      const path = `${routerPath}${config.path}`;
      if (routes.some((route) => route.method === method && route.path === path)) {
        throw new Error(`Route [${method.toUpperCase()} ${path}] is already registered`);
      }
      routes.push({ method, path, matcher: compileRoutePath(path), config, handler });
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
