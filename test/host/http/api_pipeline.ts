import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Subject } from 'rxjs';
import type {
  KibanaRequest,
  Logger,
  RequestHandlerContext,
  RouteConfigOptions,
  RouteMethod,
  RouteValidatorFullConfigRequest,
} from '@kbn/core/server';
import type { Client } from '@elastic/elasticsearch';
import type { HostAuthenticator } from '../security/authentication';
import { actions, checkPrivileges } from '../security/feature_privileges';
import { bindAuthentication } from '../security/request_authentication';
import type { RegisteredRoute } from './host_router';
import { RequestValidationError, validatePart } from './request_validation';
import { errorBody, KibanaResponse, kibanaResponseFactory } from './response_factory';
import { assertDeclaredLength, readJsonBody, PayloadError } from './request_body';

export interface ApiPipelineDeps {
  routes: RegisteredRoute[];
  authenticator: HostAuthenticator;
  /** The application Kibana's privileges are registered under (`kibana-.kibana`). */
  application: string;
  /** A client scoped to the caller's credentials. */
  asCaller(authorization: string): Client;
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

function validatorOf(
  route: RegisteredRoute
): RouteValidatorFullConfigRequest<unknown, unknown, unknown> {
  const validate = route.config.validate;
  if (validate === false) return {};
  const resolved = typeof validate === 'function' ? (validate as () => unknown)() : validate;
  const withRequest = resolved as { request?: object };
  return (withRequest.request ?? resolved) as RouteValidatorFullConfigRequest<
    unknown,
    unknown,
    unknown
  >;
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
  asCaller: Client,
  application: string
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
  const held = await checkPrivileges(asCaller, application, named.map(actions.api));
  const granted = (privilege: string) => held[actions.api(privilege)] === true;
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

function assertRequestAllowed(req: IncomingMessage, route: RegisteredRoute, pathname: string) {
  const options = (route.config.options ?? {}) as RouteConfigOptions<RouteMethod>;
  if ((options.access ?? 'internal') === 'internal' && !req.headers['x-elastic-internal-origin']) {
    throw new HttpError(
      400,
      `uri [${pathname}] with method [${route.method}] exists but is not available with the current configuration`
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

async function buildRequest(
  req: IncomingMessage,
  route: RegisteredRoute,
  url: URL,
  params: Record<string, string>
) {
  const options = (route.config.options ?? {}) as RouteConfigOptions<RouteMethod>;
  const validator = validatorOf(route);
  const streamed = options.body?.output === 'stream';
  // hapi checks a streamed body's declared length only; the handler reads the stream itself.
  if (streamed) assertDeclaredLength(req, options.body?.maxBytes);
  const rawBody =
    route.method === 'get' || route.method === 'delete' || streamed
      ? undefined
      : await readJsonBody(req, options.body?.maxBytes);
  const aborted$ = new Subject<void>();
  const completed$ = new Subject<void>();
  req.on('close', () => (req.complete ? completed$.next() : aborted$.next()));
  return {
    id: randomUUID(),
    uuid: randomUUID(),
    url,
    route: { path: route.path, method: route.method, options },
    headers: req.headers,
    isSystemRequest: req.headers['kbn-system-request'] === 'true',
    isFakeRequest: false,
    isInternalApiRequest: Boolean(req.headers['x-elastic-internal-origin']),
    auth: { isAuthenticated: true },
    events: { aborted$: aborted$.asObservable(), completed$: completed$.asObservable() },
    params: validatePart(validator.params, params, 'request params'),
    query: validatePart(validator.query, parseQuery(url.searchParams), 'request query'),
    // Kibana hands a streamed body to the body validation as the stream.
    body: validatePart(validator.body, streamed ? req : rawBody, 'request body'),
  } as unknown as KibanaRequest;
}

function send(res: ServerResponse, response: KibanaResponse) {
  const headers = { ...(response.options.headers as Record<string, string> | undefined) };
  const { payload } = response;
  if (payload instanceof Readable) {
    res.writeHead(response.status, headers);
    payload.pipe(res);
    return;
  }
  if (payload === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const isText = typeof payload === 'string' || Buffer.isBuffer(payload);
  const body = isText ? payload : JSON.stringify(payload);
  res
    .writeHead(response.status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...headers,
    })
    .end(body);
}

function sendError(res: ServerResponse, statusCode: number, message: string) {
  send(res, new KibanaResponse(statusCode, errorBody(statusCode, message)));
}

/** Errors Kibana answers with their own status; anything else is a logged 500. */
function expectedErrorStatus(error: unknown): number | undefined {
  if (error instanceof HttpError || error instanceof PayloadError) return error.statusCode;
  if (error instanceof RequestValidationError) return 400;
  const esStatus = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
  return esStatus === 401 ? 401 : undefined;
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
  try {
    const authcDisabled =
      (route.config.security.authc as { enabled?: unknown } | undefined)?.enabled === false;
    const outcome = await deps.authenticator.authenticate(req.headers);
    if (outcome.kind === 'failed') throw new HttpError(outcome.statusCode, outcome.message);
    if (outcome.kind === 'none' && !authcDisabled) throw new HttpError(401, 'Unauthorized');
    assertRequestAllowed(req, route, url.pathname);
    const authentication = outcome.kind === 'authenticated' ? outcome.authentication : undefined;
    if (authentication) {
      await assertAuthorized(
        route,
        url,
        deps.asCaller(authentication.authorization),
        deps.application
      );
      // Kibana's http server adds a session's auth headers to the request, for the scoped
      // Elasticsearch client and for granting API keys (http_server.ts, registerAuth).
      req.headers.authorization = authentication.authorization;
    }
    const request = await buildRequest(req, route, url, params);
    if (authentication) bindAuthentication(request, authentication);
    const context = deps.createContext(request);
    const response = await route.handler(context as never, request as never, kibanaResponseFactory);
    send(res, response as KibanaResponse);
  } catch (error) {
    const statusCode = expectedErrorStatus(error);
    if (statusCode === undefined) deps.logger.error(error as Error);
    const message = statusCode ? (error as Error).message : 'An internal server error occurred.';
    sendError(res, statusCode ?? 500, message);
  }
  return true;
}
