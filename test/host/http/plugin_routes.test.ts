import { pluginRouteList } from './plugin_route_list';
import type { RegisteredRoute } from './host_router';

/** Our plugin's routes pass every registration rule Kibana applies (see host_router.test.ts). */
describe('the plugin’s routes under the strict host router', () => {
  let routes: RegisteredRoute[] = [];

  beforeAll(() => {
    routes = pluginRouteList();
  });

  it('registers all of them: internal, with authorization and validation declared', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.options.access).toBe('internal');
      expect(route.security.authz).toHaveProperty('requiredPrivileges');
    }
  });

  it('leaves the body of the bodiless connection actions unread, as Kibana does', () => {
    const actions = routes.filter((route) => /\/_(run|authorize)$/.test(route.path));
    expect(actions.map((route) => route.method)).toEqual(['post', 'post']);
    for (const action of actions) {
      expect(action.options.body).toEqual({ output: 'stream', parse: false, maxBytes: 1048576 });
    }
  });

  it('streams the file import, unparsed, up to the configured upload limit', () => {
    const upload = routes.filter(
      (route) => route.options.body?.output === 'stream' && route.validation?.body
    );
    expect(upload.map((route) => route.options.body)).toEqual([
      { output: 'stream', parse: false, maxBytes: 5_000 },
    ]);
  });
});
