import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type {
  KibanaRequest,
  Logger,
  OnPreAuthHandler,
  RequestHandlerContext,
  RouteConfigOptions,
  RouteMethod,
} from '@kbn/core/server';
import type { Authentication, HostAuthenticator } from '../security/authentication';
import { actions } from '../security/feature_privileges';
import { bindAuthentication } from '../security/request_authentication';
import type { RegisteredRoute } from './host_router';
import { runOnPreAuth } from './on_pre_auth';
import { RequestValidationError, validatePart } from './request_validation';
import { errorBody, kibanaResponseFactory } from './response_factory';
import { PayloadError, readRouteBody } from './request_body';
import { requestEvents } from './request_events';
import {
  elasticsearchUnauthorizedAnswer,
  INTERNAL_ERROR_ANSWER,
  toHttpAnswer,
  type HttpAnswer,
} from './response_adapter';

export interface ApiPipelineDeps {
  routes: RegisteredRoute[];
  /** http.registerOnPreAuth's interceptors, in registration order. */
  onPreAuth: readonly OnPreAuthHandler[];
  authenticator: Pick<HostAuthenticator, 'authenticate'>;
  /** Which of these Kibana actions the caller holds (Elasticsearch's `_has_privileges`). */
  privilegesOf(
    authentication: Authentication,
    actions: readonly string[]
  ): Promise<Record<string, boolean>>;
  logger: Logger;
  createContext(request: KibanaRequest): RequestHandlerContext;
}

type PrivilegeRequirement = string | { anyRequired?: string[]; allRequired?: string[] };

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message);
  }
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [existing, value].flat();
  }
  return query;
}

/**
 * `security.authz.requiredPrivileges`, checked as Kibana's API authorization does: each privilege is
 * the action `api:<privilege>`, held or not according to Elasticsearch's `_has_privileges` for the
 * caller at the current space; the 403 names the request's own path and query
 * (x-pack/platform/plugins/shared/security/server/authorization/api_authorization.ts @ 9e98c9d4).
 */
async function assertAuthorized(
  route: RegisteredRoute,
  url: URL,
  held: (actions: readonly string[]) => Promise<Record<string, boolean>>
) {
  const authz = route.config.security.authz as {
    enabled?: false;
    requiredPrivileges?: PrivilegeRequirement[];
  };
  if (authz.enabled === false) return;
  const required = authz.requiredPrivileges ?? [];
  const named = required.flatMap((requirement) =>
    typeof requirement === 'string'
      ? [requirement]
      : [...(requirement.allRequired ?? []), ...(requirement.anyRequired ?? [])]
  );
  const holding = await held(named.map(actions.api));
  const granted = (privilege: string) => holding[actions.api(privilege)] === true;
  const missing = required.flatMap((requirement) => {
    if (typeof requirement === 'string') return granted(requirement) ? [] : [requirement];
    const allMissing = (requirement.allRequired ?? []).filter((p) => !granted(p));
    const any = requirement.anyRequired ?? [];
    const anyMissing = any.length > 0 && !any.some(granted) ? [any.join('|')] : [];
    return [...allMissing, ...anyMissing];
  });
  if (missing.length > 0) {
    throw new HttpError(
      403,
      `API [${route.method.toUpperCase()} ${url.pathname}${url.search}] is unauthorized for user, this action is granted by the Kibana privileges [${missing.join(',')}]`
    );
  }
}

/**
 * Kibana's request checks before the route (src/core/packages/http/server-internal/src/
 * lifecycle_handlers.ts @ 01926b7e; router-server-internal/src/request.ts @ 0467ecaf): an internal
 * route needs the `x-elastic-internal-origin` header or the `elasticInternalOrigin` query
 * parameter (`=false` says it is not internal), and a method other than GET needs `kbn-xsrf` or
 * `kbn-version`.
 */
function assertRequestAllowed(req: IncomingMessage, route: RegisteredRoute, url: URL) {
  const options = (route.config.options ?? {}) as RouteConfigOptions<RouteMethod>;
  const queryOrigin = url.searchParams.get('elasticInternalOrigin');
  const internalRequest =
    queryOrigin !== null
      ? queryOrigin !== 'false'
      : Boolean(req.headers['x-elastic-internal-origin']);
  if ((options.access ?? 'internal') === 'internal' && !internalRequest) {
    throw new HttpError(
      400,
      `uri [${url.pathname}] with method [${route.method}] exists but is not available with the current configuration`
    );
  }
  const safe = route.method === 'get' || req.method === 'HEAD' || req.method === 'OPTIONS';
  if (
    !safe &&
    options.xsrfRequired !== false &&
    !req.headers['kbn-xsrf'] &&
    !req.headers['kbn-version']
  ) {
    throw new HttpError(400, 'Request must contain a kbn-xsrf header.');
  }
}

/**
 * The request an onPreAuth interceptor is handed: not authenticated yet, nothing read or
 * validated (Kibana's CoreKibanaRequest.from at hapi's onPreAuth). The host leaves out `events`.
 */
function preAuthRequest(req: IncomingMessage, route: RegisteredRoute, url: URL) {
  return {
    id: randomUUID(),
    uuid: randomUUID(),
    url,
    route: { path: route.path, method: route.method, options: route.options },
    headers: req.headers,
    isSystemRequest: req.headers['kbn-system-request'] === 'true',
    isFakeRequest: false,
    isInternalApiRequest: Boolean(req.headers['x-elastic-internal-origin']),
    auth: { isAuthenticated: false },
    params: {},
    query: {},
    body: {},
  };
}

/** The same request (one id) once authenticated, its parts read and validated. */
async function buildRequest(
  req: IncomingMessage,
  res: ServerResponse,
  route: RegisteredRoute,
  url: URL,
  params: Record<string, string>,
  preAuth: ReturnType<typeof preAuthRequest>
) {
  // `validate: false` validates nothing: params, query and body are all `{}` (route.ts @ 0198047a).
  const validator = route.validation ?? {};
  const rawBody = await readRouteBody(req, route.options.body);
  return {
    ...preAuth,
    auth: { isAuthenticated: true },
    events: requestEvents(res),
    params: validatePart(validator.params, params, 'request params'),
    query: validatePart(validator.query, parseQuery(url.searchParams), 'request query'),
    // Kibana hands a streamed body to the body validation as the stream.
    body: validatePart(validator.body, rawBody, 'request body'),
  } as unknown as KibanaRequest;
}

function send(res: ServerResponse, { status, headers, body }: HttpAnswer) {
  if (body instanceof Readable) {
    res.writeHead(status, headers);
    body.pipe(res);
    return;
  }
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const isText = typeof body === 'string' || Buffer.isBuffer(body);
  res
    .writeHead(status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...headers,
    })
    .end(isText ? body : JSON.stringify(body));
}

/** The host's own refusals before the handler (authentication, route checks, body, validation). */
function hostRefusalStatus(error: unknown): number | undefined {
  if (error instanceof HttpError || error instanceof PayloadError) return error.statusCode;
  if (error instanceof RequestValidationError) return 400;
  return undefined;
}

/**
 * What Kibana answers to a throw: an Elasticsearch 401 is forwarded, anything else (Boom errors
 * included) is logged and answered with a generic 500.
 * Kibana: src/core/packages/http/router-server-internal/src/router.ts @ 0311e8ba (`handle`);
 * route.ts @ 0198047a logs a failed validation as `400 Bad Request`.
 */
function answerToThrow(error: unknown, route: RegisteredRoute, logger: Logger): HttpAnswer {
  const meta = (status: number) => ({
    http: {
      response: { status_code: status },
      request: { method: route.method, path: route.path },
    },
    error: { message: (error as Error).message },
  });
  const refusal = hostRefusalStatus(error);
  if (refusal !== undefined) {
    if (error instanceof RequestValidationError) logger.error('400 Bad Request', meta(400));
    return { status: refusal, headers: {}, body: errorBody(refusal, (error as Error).message) };
  }
  const unauthorized = elasticsearchUnauthorizedAnswer(error);
  if (unauthorized) {
    logger.error('401 Unauthorized', meta(401));
    return unauthorized;
  }
  logger.error('500 Server Error', meta(500));
  return INTERNAL_ERROR_ANSWER;
}

/** Runs one API request through Kibana's route contract. Returns false when no route matches. */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiPipelineDeps
): Promise<boolean> {
  const method = (req.method === 'HEAD' ? 'get' : req.method?.toLowerCase()) as RouteMethod;
  let params: Record<string, string> | undefined;
  const route = deps.routes.find((candidate) => {
    if (candidate.method !== method) return false;
    params = candidate.matcher.match(url.pathname);
    return params !== undefined;
  });
  if (!route || !params) return false;
  const preAuth = preAuthRequest(req, route, url);
  const intercepted = await runOnPreAuth(
    deps.onPreAuth,
    preAuth as unknown as KibanaRequest,
    deps.logger
  );
  if (intercepted) {
    send(res, intercepted);
    return true;
  }
  try {
    const authcDisabled =
      (route.config.security.authc as { enabled?: unknown } | undefined)?.enabled === false;
    const outcome = await deps.authenticator.authenticate(req.headers);
    if (outcome.kind === 'failed') throw new HttpError(outcome.statusCode, outcome.message);
    if (outcome.kind === 'none' && !authcDisabled) throw new HttpError(401, 'Unauthorized');
    assertRequestAllowed(req, route, url);
    const authentication = outcome.kind === 'authenticated' ? outcome.authentication : undefined;
    if (authentication) {
      await assertAuthorized(route, url, (requested) =>
        deps.privilegesOf(authentication, requested)
      );
      // Kibana's http server adds a session's auth headers to the request, for the scoped
      // Elasticsearch client and for granting API keys (http_server.ts, registerAuth).
      req.headers.authorization = authentication.authorization;
    }
    const request = await buildRequest(req, res, route, url, params, preAuth);
    if (authentication) bindAuthentication(request, authentication);
    const context = deps.createContext(request);
    const response = await route.handler(context as never, request as never, kibanaResponseFactory);
    send(res, toHttpAnswer(response));
  } catch (error) {
    send(res, answerToThrow(error, route, deps.logger));
  }
  return true;
}
