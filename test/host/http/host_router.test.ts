import type { RouteConfig, RouteMethod } from '@kbn/core/server';
import { schema } from '../kbn_modules/config_schema';
import { createHostRouter, type RegisteredRoute } from './host_router';

type AnyConfig = RouteConfig<unknown, unknown, unknown, RouteMethod>;

const security = { authz: { requiredPrivileges: ['read'] } };
const accept = (data: unknown, { ok }: { ok: (value: unknown) => unknown }) => ok(data);
const handler = async () => undefined as never;

/** A fresh router; `register` files one route and returns what the host keeps of it. */
function hostRouter(routerPath?: string) {
  const routes: RegisteredRoute[] = [];
  const router = createHostRouter(routes, routerPath) as unknown as Record<
    string,
    (config: AnyConfig, h: typeof handler) => void
  >;
  // Loosely typed: the rules are about what Kibana receives at runtime, JavaScript callers included.
  const register = (method: string, config: Record<string, unknown>) => {
    router[method]!({ path: '/api/x', validate: false, security, ...config } as AnyConfig, handler);
    return routes[routes.length - 1]!;
  };
  return { routes, router, register };
}

const refusal = (method: string, config: Record<string, unknown>, message: string) =>
  expect(() => hostRouter().register(method, config)).toThrow(new Error(message));

// Expected texts: Kibana's router-server-internal route.ts @ 0198047a, util.ts @ 042299db,
// security_route_config_validator.ts @ 1d7f15d1; defaults from http_server.ts @ 027ff216.
describe('host router registration (Kibana route rules)', () => {
  it('has the five registrars of Kibana’s router and no others', () => {
    const { router } = hostRouter();
    expect(Object.keys(router).sort()).toEqual(
      ['delete', 'get', 'patch', 'post', 'put', 'routerPath'].sort()
    );
  });

  describe('validate', () => {
    it('refuses a route without validate', () => {
      refusal(
        'post',
        { validate: undefined },
        "The [post] at [/api/x] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation."
      );
    });

    it('refuses an entry that is neither config-schema, zod nor a function', () => {
      refusal(
        'get',
        { validate: { params: accept, query: { type: 'object' } } },
        "Expected a valid validation logic declared with '@kbn/config-schema' package, '@kbn/zod' package or a RouteValidationFunction at key: [query]."
      );
      // The request-level `unsafe` flags are entries too, and Kibana refuses them the same way.
      refusal(
        'post',
        { validate: { body: accept, unsafe: { body: true } } },
        "Expected a valid validation logic declared with '@kbn/config-schema' package, '@kbn/zod' package or a RouteValidationFunction at key: [unsafe]."
      );
    });

    it('accepts functions, config-schema types (by their marker) and zod types (by `_zod`)', () => {
      const configSchema = { __isKbnConfigSchemaType: true, validate: (value: unknown) => value };
      const zod = { _zod: {}, parse: (value: unknown) => value };
      const { validation } = hostRouter().register('post', {
        validate: { params: accept, query: configSchema, body: zod },
      });
      expect(validation).toEqual({ params: accept, query: configSchema, body: zod });
    });

    it('accepts the host’s config-schema types as Kibana accepts @kbn/config-schema ones', () => {
      const body = schema.object({ name: schema.string() });
      const query = schema.maybe(schema.string());
      const route = hostRouter().register('post', { validate: { body, query } });
      expect(route.validation).toEqual({ body, query });
    });

    it('takes the request part of the {request, response} form', () => {
      const request = { body: accept };
      const route = hostRouter().register('post', {
        validate: { request, response: { 200: { body: () => accept } } },
      });
      expect(route.validation).toBe(request);
    });

    it('calls a validation function once, at registration, and checks what it returns', () => {
      const validate = jest.fn(() => ({ body: accept }));
      const route = hostRouter().register('post', { validate });
      expect(validate).toHaveBeenCalledTimes(1);
      expect(route.validation).toEqual({ body: accept });
      refusal(
        'post',
        { validate: () => ({ body: 'nope' }) },
        "Expected a valid validation logic declared with '@kbn/config-schema' package, '@kbn/zod' package or a RouteValidationFunction at key: [body]."
      );
    });

    it('keeps no validation for validate: false', () => {
      expect(hostRouter().register('post', { validate: false }).validation).toBeUndefined();
    });
  });

  describe('options', () => {
    it('refuses options.security', () => {
      refusal(
        'get',
        { options: { security } },
        '`options.security` is not allowed in route config. Use `security` instead.'
      );
    });

    it('refuses a body output other than data or stream', () => {
      refusal(
        'post',
        { options: { body: { output: 'file' } } },
        "[options.body.output: 'file'] in route POST /api/x is not valid. Only 'data' or 'stream' are valid."
      );
    });

    it('leaves an unvalidated, unconfigured body as an unparsed stream', () => {
      const { register } = hostRouter();
      for (const [method, validate] of [
        ['post', false],
        ['put', { params: accept }],
        ['delete', { params: accept }],
      ] as const) {
        const route = register(method, { path: `/api/${method}`, validate });
        expect(route.options.body).toEqual({ output: 'stream', parse: false, maxBytes: 1048576 });
      }
    });

    it('lets hapi parse a validated or configured body, up to server.maxPayload by default', () => {
      const { register } = hostRouter();
      expect(register('post', { validate: { body: accept } }).options.body).toEqual({
        output: undefined,
        parse: undefined,
        maxBytes: 1048576,
      });
      expect(
        register('patch', { options: { body: { maxBytes: 10, accepts: 'text/csv' } } }).options.body
      ).toEqual({ output: undefined, parse: undefined, maxBytes: 10, accepts: 'text/csv' });
    });

    it('gives GET no body settings', () => {
      expect(hostRouter().register('get', {}).options.body).toBeUndefined();
    });

    it('defaults access to internal and xsrfRequired to true except for GET', () => {
      const { register } = hostRouter();
      expect(register('get', {}).options).toMatchObject({
        access: 'internal',
        xsrfRequired: false,
      });
      expect(register('post', {}).options).toMatchObject({
        access: 'internal',
        xsrfRequired: true,
      });
      expect(
        register('put', { options: { access: 'public', xsrfRequired: false } }).options
      ).toMatchObject({ access: 'public', xsrfRequired: false });
    });
  });

  describe('security', () => {
    it('refuses a route without security', () => {
      refusal(
        'get',
        { security: undefined },
        '[authz.requiredPrivileges]: expected value of type [array] but got [undefined]'
      );
    });

    it('keeps the validated security, authc defaulted', () => {
      expect(hostRouter().register('get', {}).security).toEqual({
        authz: { requiredPrivileges: ['read'] },
        authc: { enabled: true },
      });
    });

    it('checks validate before options, and options before security (Kibana’s order)', () => {
      refusal(
        'post',
        { validate: undefined, options: { security }, security: undefined },
        "The [post] at [/api/x] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation."
      );
      refusal(
        'post',
        { options: { security }, security: undefined },
        '`options.security` is not allowed in route config. Use `security` instead.'
      );
    });
  });

  describe('paths', () => {
    it('joins the router path and the route path with a single slash', () => {
      expect(hostRouter('/api/').register('get', { path: '/x' }).path).toBe('/api/x');
      expect(hostRouter('/api').register('get', { path: '/x' }).path).toBe('/api/x');
    });

    it('refuses a method and path already filed, parameter names aside', () => {
      const { register } = hostRouter();
      register('get', { path: '/api/x/{id}' });
      expect(() => register('get', { path: '/api/x/{name}' })).toThrow(
        new Error('New route /api/x/{name} conflicts with existing /api/x/{id}')
      );
      expect(() => register('post', { path: '/api/x/{name}' })).not.toThrow();
    });

    it('treats /x/ and /x as two routes, and an optional last parameter as covering /x', () => {
      const { register } = hostRouter();
      register('get', { path: '/api/y' });
      expect(() => register('get', { path: '/api/y/' })).not.toThrow();
      expect(() => register('get', { path: '/api/y/{id?}' })).toThrow(
        new Error('New route /api/y/{id?} conflicts with existing /api/y')
      );
    });
  });
});
