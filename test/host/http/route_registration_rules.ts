import type {
  RouteAccess,
  RouteConfig,
  RouteConfigOptions,
  RouteConfigOptionsBody,
  RouteMethod,
  RouteSecurity,
  RouteValidatorFullConfigRequest,
} from '@kbn/core/server';
import { DEFAULT_MAX_PAYLOAD_BYTES } from './request_body';
import { validRouteSecurity } from './route_security_rules';

/**
 * What Kibana checks when a plugin calls `router.<method>(config, handler)`, and the route settings
 * it derives. Every refusal throws with Kibana's text; in Kibana the throw aborts the plugin's setup.
 */

type AnyRouteConfig = RouteConfig<unknown, unknown, unknown, RouteMethod>;
export type RequestValidation = RouteValidatorFullConfigRequest<unknown, unknown, unknown>;

/** The body settings hapi applies to a route that has a body. */
export interface RouteBodySettings extends RouteConfigOptionsBody {
  maxBytes: number;
}

export interface RouteSettings extends Omit<RouteConfigOptions<RouteMethod>, 'body'> {
  access: RouteAccess;
  xsrfRequired: boolean;
  /** Absent for GET, which has no payload. */
  body?: RouteBodySettings;
}

export interface ValidRoute {
  /** Absent when the route opted out with `validate: false`. */
  validation: RequestValidation | undefined;
  options: RouteSettings;
  security: RouteSecurity;
}

// Kibana: src/platform/packages/shared/kbn-config-schema/src/typeguards/is_config_schema.ts
// @ 74bf8acc
const isConfigSchema = (value: unknown) =>
  Boolean(value) &&
  (value as { __isKbnConfigSchemaType?: unknown }).__isKbnConfigSchemaType === true;

// Kibana: src/platform/packages/shared/kbn-zod/v4/util.ts @ a8316142
const isZod = (value: unknown) => Boolean(value) && typeof value === 'object' && '_zod' in value!;

/**
 * Kibana: router-server-internal/src/route.ts @ 0198047a `routeSchemasFromRouteConfig`, with
 * @kbn/core-http-server `getRequestValidation` (a function is called, `{request, response}` unwrapped).
 */
function requestValidationOf(method: RouteMethod, config: AnyRouteConfig) {
  if (config.validate === undefined) {
    throw new Error(
      `The [${method}] at [${config.path}] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation.`
    );
  }
  if (config.validate === false) return undefined;
  // Kibana wraps a validation function in `once`: it is called here, at registration, and only here.
  const validate: object =
    typeof config.validate === 'function' ? config.validate() : config.validate;
  const validation = ('request' in validate ? validate.request : validate) as RequestValidation;
  for (const [key, spec] of Object.entries(validation)) {
    if (!(isConfigSchema(spec) || isZod(spec) || typeof spec === 'function')) {
      throw new Error(
        `Expected a valid validation logic declared with '@kbn/config-schema' package, '@kbn/zod' package or a RouteValidationFunction at key: [${key}].`
      );
    }
  }
  return validation;
}

// Kibana: @kbn/core-http-server `validBodyOutput`
const VALID_BODY_OUTPUT = ['data', 'stream'];

/**
 * Kibana: router-server-internal/src/util.ts @ 042299db `validOptions`, then the defaults that
 * server-internal/src/http_server.ts @ 027ff216 `configureRoute` and hapi add.
 */
function routeSettingsOf(
  method: RouteMethod,
  config: AnyRouteConfig,
  validation: RequestValidation | undefined
): RouteSettings {
  const options = (config.options ?? {}) as RouteConfigOptions<RouteMethod> & {
    security?: unknown;
  };
  const output = options.body?.output;
  if (typeof output === 'string' && !VALID_BODY_OUTPUT.includes(output)) {
    throw new Error(
      `[options.body.output: '${output}'] in route ${method.toUpperCase()} ${config.path} is not valid. Only '${VALID_BODY_OUTPUT.join("' or '")}' are valid.`
    );
  }
  if (options.security) {
    throw new Error('`options.security` is not allowed in route config. Use `security` instead.');
  }
  // A route that neither validates nor configures its body does not care about it: Kibana keeps it
  // as an unread stream.
  const careForBody = Boolean(validation?.body) || Boolean(options.body);
  const body =
    method === 'get'
      ? undefined
      : {
          output: careForBody ? undefined : ('stream' as const),
          parse: careForBody ? undefined : false,
          ...options.body,
        };
  return {
    ...options,
    access: options.access ?? 'internal',
    xsrfRequired: (options.xsrfRequired as boolean | undefined) ?? method !== 'get',
    body: body && { ...body, maxBytes: body.maxBytes ?? DEFAULT_MAX_PAYLOAD_BYTES },
  };
}

/** In Kibana's order: validation (route.ts), options (util.ts), security (route.ts). */
export function validRoute(method: RouteMethod, config: AnyRouteConfig): ValidRoute {
  const validation = requestValidationOf(method, config);
  const options = routeSettingsOf(method, config, validation);
  return { validation, options, security: validRouteSecurity(config.security) };
}

/**
 * Kibana: router-server-internal/src/util.ts @ 042299db `getRouteFullPath` — one slash is dropped
 * when both the router's path ends with one and the route's starts with one.
 */
export function routeFullPath(routerPath: string, routePath: string) {
  const start = routerPath.endsWith('/') && routePath.startsWith('/') ? 1 : 0;
  return `${routerPath}${routePath.slice(start)}`;
}
