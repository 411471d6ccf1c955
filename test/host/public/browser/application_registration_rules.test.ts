import type { App } from '@kbn/core/public';
import { ExchangeMessageTracePublicPlugin } from '../../../../public/plugin';
import { registrableApp, type RegistrationState } from './application_registration_rules';

const mount = () => () => undefined;
const app = (fields: Partial<App>): App => ({ id: 'myApp', title: 'My app', mount, ...fields });

function registry(basePath = '') {
  const apps = new Map<string, App<unknown>>();
  const state: RegistrationState = { registrationClosed: false, basePath, apps };
  const register = (candidate: App) => {
    const registered = registrableApp(candidate, state);
    apps.set(registered.id, registered);
    return registered;
  };
  return { state, register };
}

// Expected texts: Kibana's application_service.tsx @ 1a394056 (`validateApp`).
describe('registrableApp (Kibana core.application.register)', () => {
  it('refuses registration once setup is over', () => {
    const { state, register } = registry();
    state.registrationClosed = true;
    expect(() => register(app({ id: 'late' }))).toThrow(
      new Error('Applications cannot be registered after "setup" (attempted to register "late")')
    );
  });

  it('refuses an id outside [a-zA-Z0-9_:-], and accepts one inside', () => {
    const { register } = registry();
    for (const id of ['my app', 'my/app', 'my.app', '']) {
      expect(() => register(app({ id }))).toThrow(
        new Error("Invalid application id: it can only be composed of alphanum chars, '-' and '_'")
      );
    }
    expect(() => register(app({ id: 'my_app:v-2' }))).not.toThrow();
  });

  it('refuses an id already registered', () => {
    const { register } = registry();
    register(app({}));
    expect(() => register(app({ appRoute: '/app/other' }))).toThrow(
      new Error('An application is already registered with the id "myApp"')
    );
  });

  it('refuses an appRoute already used, the default one included', () => {
    const { register } = registry();
    register(app({ id: 'first', appRoute: '/app/shared' }));
    expect(() => register(app({ id: 'second', appRoute: '/app/shared' }))).toThrow(
      new Error('An application is already registered with the appRoute "/app/shared"')
    );
    expect(() => register(app({ id: 'third', appRoute: '/app/fourth' }))).not.toThrow();
    expect(() => register(app({ id: 'fourth' }))).toThrow(
      new Error('An application is already registered with the appRoute "/app/fourth"')
    );
  });

  it('refuses an appRoute that includes the HTTP base path', () => {
    const { register } = registry('/kbn');
    expect(() => register(app({ appRoute: '/kbn/app/myApp' }))).toThrow(
      new Error('Cannot register an application route that includes HTTP base path')
    );
    expect(register(app({})).appRoute).toBe('/app/myApp');
  });

  it('files the app with its route, an accessible status and deep links shown in search only', () => {
    const { register } = registry();
    const registered = register(
      app({
        deepLinks: [
          { id: 'a', title: 'A', path: '/a', visibleIn: ['sideNav'] },
          { id: 'b', title: 'B', deepLinks: [{ id: 'c', title: 'C', path: '/c' }] },
        ],
      })
    );
    expect(registered).toEqual({
      id: 'myApp',
      title: 'My app',
      mount,
      appRoute: '/app/myApp',
      status: 0,
      deepLinks: [
        { id: 'a', title: 'A', path: '/a', visibleIn: ['sideNav'], deepLinks: [] },
        {
          id: 'b',
          title: 'B',
          visibleIn: ['globalSearch'],
          deepLinks: [
            { id: 'c', title: 'C', path: '/c', visibleIn: ['globalSearch'], deepLinks: [] },
          ],
        },
      ],
    });
    expect(register(app({ id: 'none', status: 1 }))).toMatchObject({ status: 1, deepLinks: [] });
  });

  it('accepts our plugin’s app under a base path', () => {
    const { state, register } = registry('/kbn');
    const plugin = new ExchangeMessageTracePublicPlugin({} as never);
    expect(() => plugin.setup({ application: { register } } as never, {})).not.toThrow();
    expect([...state.apps.values()].map((registered) => registered.appRoute)).toEqual([
      '/app/exchangeMessageTrace',
    ]);
  });
});
