import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  IRouter,
  KibanaRequest,
  OnPreAuthHandler,
  RequestHandlerContext,
} from '@kbn/core/server';
import { createLogger, createLogSink } from '../logging/host_logger';
import { handleApiRequest } from './api_pipeline';
import { createHostRouter, type RegisteredRoute } from './host_router';
import { runOnPreAuth } from './on_pre_auth';

const request = { route: { path: '/internal/x' } } as KibanaRequest;

describe('onPreAuth interceptors (Kibana adoptToHapiOnPreAuth)', () => {
  const logSink = createLogSink('fatal', () => undefined);
  const logger = createLogger(logSink, 'http');
  beforeEach(() => (logSink.lines.length = 0));

  it('runs them in order until one answers, and the answer is what the caller gets', async () => {
    const calls: string[] = [];
    const pass: OnPreAuthHandler = (_r, _f, toolkit) => (calls.push('pass'), toolkit.next());
    const refuse: OnPreAuthHandler = async (_r, response) => {
      calls.push('refuse');
      return response.customError({ statusCode: 503, body: { message: 'later' } });
    };
    const never: OnPreAuthHandler = (_r, _f, toolkit) => (calls.push('never'), toolkit.next());
    expect(await runOnPreAuth([pass, refuse, never], request, logger)).toEqual({
      status: 503,
      headers: {},
      body: { statusCode: 503, error: 'Service Unavailable', message: 'later' },
    });
    expect(calls).toEqual(['pass', 'refuse']);
  });

  it('hands the request on when every interceptor says next', async () => {
    const pass: OnPreAuthHandler = (_r, _f, toolkit) => toolkit.next();
    expect(await runOnPreAuth([pass, pass], request, logger)).toBeUndefined();
  });

  it('answers a throw or an unexpected result with a logged 500', async () => {
    const throws: OnPreAuthHandler = () => {
      throw new Error('boom');
    };
    const odd = (() => ({ type: 'other' })) as unknown as OnPreAuthHandler;
    for (const handler of [throws, odd]) {
      expect((await runOnPreAuth([handler], request, logger))?.status).toBe(500);
    }
    // Logged as the error itself, with its stack.
    expect(logSink.lines.map((line) => line.message.split('\n')[0])).toEqual([
      'Error: boom',
      'Error: Unexpected result from OnPreAuth. Expected OnPreAuthResult or KibanaResponse, but given: [object Object].',
    ]);
  });

  it('runs before authentication: an answered request never asks who the caller is', async () => {
    const routes: RegisteredRoute[] = [];
    const router = createHostRouter(routes) as IRouter<RequestHandlerContext>;
    router.get(
      {
        path: '/internal/x',
        validate: false,
        security: { authz: { enabled: false, reason: 'test' } },
      },
      async (_c, _r, response) => response.ok({ body: 'handled' })
    );
    let authentications = 0;
    const seenPaths: string[] = [];
    const refuse: OnPreAuthHandler = (preAuth, response) => {
      seenPaths.push(preAuth.route.path);
      return response.customError({ statusCode: 503, body: { message: 'not now' } });
    };
    const server = createServer((req, res) => {
      void handleApiRequest(req, res, new URL(req.url ?? '/', 'http://host.invalid'), {
        routes,
        onPreAuth: [refuse],
        authenticator: { authenticate: async () => (authentications++, { kind: 'none' }) },
        privilegesOf: async () => ({}),
        logger,
        createContext: () => ({}) as RequestHandlerContext,
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/internal/x`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'not now',
      });
      expect({ authentications, seenPaths }).toEqual({
        authentications: 0,
        seenPaths: ['/internal/x'],
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
