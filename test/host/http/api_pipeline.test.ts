import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors } from '@elastic/elasticsearch';
import type {
  AuthenticatedUser,
  IRouter,
  RequestHandler,
  RequestHandlerContext,
  RouteConfig,
  RouteMethod,
} from '@kbn/core/server';
import { createLogger, createLogSink } from '../logging/host_logger';
import { handleApiRequest } from './api_pipeline';
import { createHostRouter, type RegisteredRoute } from './host_router';

type Handler = RequestHandler<unknown, unknown, unknown, RequestHandlerContext, RouteMethod>;
type Config = Omit<RouteConfig<unknown, unknown, unknown, RouteMethod>, 'security'>;

const security = { authz: { requiredPrivileges: ['anything'] } };
const SUPERUSER: AuthenticatedUser = {
  username: 'super',
  roles: ['superuser'],
  enabled: true,
  authentication_realm: { name: 'file', type: 'file' },
  lookup_realm: { name: 'file', type: 'file' },
  authentication_provider: { type: 'http', name: '__http__' },
  authentication_type: 'realm',
  elastic_cloud_user: false,
};
const echoBody: Handler = async (_context, request, response) =>
  response.ok({ body: { body: request.body as object } });

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** What a handler that waits for the test saw of `request.events`, and when. */
function eventProbe() {
  const probe = {
    entered: deferred(),
    release: deferred(),
    aborted: deferred<'aborted'>(),
    completed: deferred<'completed'>(),
    answered: false,
    completedAfterAnswer: undefined as boolean | undefined,
    handler: (async (_context, request, response) => {
      request.events.aborted$.subscribe(() => probe.aborted.resolve('aborted'));
      request.events.completed$.subscribe(() => {
        probe.completedAfterAnswer = probe.answered;
        probe.completed.resolve('completed');
      });
      probe.entered.resolve();
      await probe.release.promise;
      probe.answered = true;
      return response.ok({ body: { done: true } });
    }) as Handler,
  };
  return probe;
}

/**
 * The host's request pipeline on a local port, no Elasticsearch: routes go through the strict
 * router, requests carry the superuser's credentials and the headers Kibana asks of internal calls.
 */
describe('API pipeline (Kibana body handling and answers to throws)', () => {
  const routes: RegisteredRoute[] = [];
  const router = createHostRouter(routes) as IRouter<RequestHandlerContext>;
  const logSink = createLogSink('fatal', () => undefined);
  let server: Server;
  let url: string;

  let probe = eventProbe();
  const register = (method: 'get' | 'post', config: Config, handler: Handler) =>
    (router[method] as (c: unknown, h: Handler) => void)({ security, ...config }, handler);

  async function call(method: string, path: string, body?: string, signal?: AbortSignal) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from('elastic:changeme').toString('base64')}`,
        'kbn-xsrf': 'true',
        'x-elastic-internal-origin': 'Kibana',
        'content-type': 'application/json',
      },
      body,
      signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text || 'null') };
  }

  beforeAll(async () => {
    register('post', { path: '/api/t/{id}/unvalidated', validate: false }, async (_c, request, r) =>
      r.ok({ body: { params: request.params, query: request.query, body: request.body } })
    );
    register(
      'post',
      { path: '/api/t/{id}/params_only', validate: { params: (data, { ok }) => ok(data) } },
      echoBody
    );
    register(
      'post',
      { path: '/api/t/validated', validate: { body: (data, { ok }) => ok(data) } },
      echoBody
    );
    register(
      'post',
      {
        path: '/api/t/deep',
        validate: { body: (_data, { badRequest }) => badRequest('expected a string', ['a', 'b']) },
      },
      echoBody
    );
    register('get', { path: '/api/t/boom', validate: false }, async () => {
      throw Object.assign(new Error('Saved object [x/y] not found'), {
        isBoom: true,
        output: { statusCode: 404 },
      });
    });
    register('get', { path: '/api/t/es401', validate: false }, async () => {
      throw new errors.ResponseError({
        body: { error: { type: 'security_exception', reason: 'expired' } },
        statusCode: 401,
        headers: { 'www-authenticate': 'Basic realm="security"' },
        warnings: null,
        meta: {} as never,
      });
    });
    register(
      'post',
      { path: '/api/t/waits', validate: { body: (data, { ok }) => ok(data) } },
      (context, request, response) => probe.handler(context, request, response)
    );
    register('get', { path: '/api/t/bad_status', validate: false }, async (_c, _r, response) =>
      response.customError({ statusCode: 302, body: 'moved' })
    );
    const logger = createLogger(logSink, 'http');
    server = createServer((req, res) => {
      const local = new URL(req.url ?? '/', 'http://host.invalid');
      void handleApiRequest(req, res, local, {
        routes,
        onPreAuth: [],
        // Who calls and what they hold is Elasticsearch's to say (secured_host.integration.test.ts);
        // here every caller is someone holding every action, so only body handling is at stake.
        authenticator: {
          authenticate: async () => ({
            kind: 'authenticated',
            authentication: { user: SUPERUSER, authorization: 'Basic c3VwZXI6dXNlcg==' },
          }),
        },
        privilegesOf: async (_authentication, requested) =>
          Object.fromEntries(requested.map((action) => [action, true])),
        logger,
        createContext: () => ({}) as RequestHandlerContext,
      }).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives a validate: false handler {} for params, query and the body, left unread', async () => {
    expect(await call('POST', '/api/t/7/unvalidated?x=1', '{not json')).toEqual(
      expect.objectContaining({ status: 200, body: { params: {}, query: {}, body: {} } })
    );
  });

  it('leaves the body of a route validating only params unread', async () => {
    expect(await call('POST', '/api/t/7/params_only', '{not json')).toEqual(
      expect.objectContaining({ status: 200, body: { body: {} } })
    );
  });

  it('parses the body of a route that validates it', async () => {
    expect((await call('POST', '/api/t/validated', '{"a":1}')).body).toEqual({ body: { a: 1 } });
    expect((await call('POST', '/api/t/validated', '{not json')).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request payload JSON format',
    });
  });

  it('answers a failed validation 400 with the namespaced path, and logs it', async () => {
    expect((await call('POST', '/api/t/deep', '{}')).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '[request body.a.b]: expected a string',
    });
    expect(logSink.lines.map((line) => line.message)).toContain('400 Bad Request');
  });

  it('answers a thrown Boom error with the logged generic 500', async () => {
    logSink.lines.length = 0;
    expect((await call('GET', '/api/t/boom')).body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred. Check Kibana server logs for details.',
    });
    expect(logSink.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: '500 Server Error',
        meta: expect.objectContaining({ error: { message: 'Saved object [x/y] not found' } }),
      }),
    ]);
  });

  it('forwards an Elasticsearch 401 with its message and challenge', async () => {
    const answer = await call('GET', '/api/t/es401');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="security"');
    expect(answer.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'security_exception',
    });
  });

  it('answers a refused customError with a 500', async () => {
    expect((await call('GET', '/api/t/bad_status')).status).toBe(500);
  });

  describe('request.events, as Kibana signals them (request.ts @ 0467ecaf)', () => {
    beforeEach(() => (probe = eventProbe()));
    const stillPending = (promise: Promise<unknown>) =>
      Promise.race([promise, new Promise((resolve) => setImmediate(resolve, 'pending'))]);

    it('emits aborted$ when the client goes away while the handler works, its body read', async () => {
      const client = new AbortController();
      const answer = call('POST', '/api/t/waits', '{"a":1}', client.signal).catch(
        (error: Error) => error.name
      );
      await probe.entered.promise;
      expect(await stillPending(probe.completed.promise)).toBe('pending');
      client.abort();
      expect(await answer).toBe('AbortError');
      expect(await probe.aborted.promise).toBe('aborted');
      expect(await probe.completed.promise).toBe('completed');
      probe.release.resolve();
    });

    it('emits only completed$, once the answer is written, when the client stays', async () => {
      const answer = call('POST', '/api/t/waits', '{"a":1}');
      await probe.entered.promise;
      probe.release.resolve();
      expect((await answer).status).toBe(200);
      expect(await probe.completed.promise).toBe('completed');
      expect(probe.completedAfterAnswer).toBe(true);
      expect(await stillPending(probe.aborted.promise)).toBe('pending');
    });
  });

  it('matches no route for a trailing slash the route does not have', async () => {
    expect((await call('POST', '/api/t/validated/', '{}')).status).toBe(404);
  });
});
