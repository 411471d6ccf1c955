import type { App, AppDeepLink, AppStatus } from '@kbn/core/public';

/**
 * What Kibana's `core.application.register(app)` refuses and the defaults it files an app with.
 * Kibana: src/core/packages/application/browser-internal/src/application_service.tsx @ 1a394056
 * (`validateApp`, `register`, `populateDeepLinkDefaults`). Free of the DOM so it runs under Node.
 */

const APPLICATION_ID = /^[a-zA-Z0-9_:-]+$/;

/** AppStatus.accessible; the enum itself is type-only here (no runtime @kbn/core/public). */
const APP_STATUS_ACCESSIBLE = 0 as AppStatus;

export interface RegistrationState {
  /** True once the browser's core has started. */
  registrationClosed: boolean;
  /** The HTTP base path, e.g. `/kbn`; empty when Kibana serves at the root. */
  basePath: string;
  apps: ReadonlyMap<string, App<unknown>>;
}

/** By default deep links show in global search only, at every depth. */
function withDeepLinkDefaults(deepLinks: AppDeepLink[] | undefined): AppDeepLink[] {
  if (!deepLinks) return [];
  return deepLinks.map((deepLink) => ({
    ...deepLink,
    visibleIn: deepLink.visibleIn ?? ['globalSearch'],
    deepLinks: withDeepLinkDefaults(deepLink.deepLinks),
  }));
}

/** Checks `app` as Kibana does, in Kibana's order, and returns it as Kibana files it. */
export function registrableApp<S>(candidate: App<S>, state: RegistrationState): App<S> {
  // An explicit `appRoute: undefined` wins over the default, as with Kibana's spread.
  const app = { appRoute: `/app/${candidate.id}`, ...candidate };
  if (state.registrationClosed) {
    throw new Error(
      `Applications cannot be registered after "setup" (attempted to register "${app.id}")`
    );
  }
  if (!APPLICATION_ID.test(app.id)) {
    throw new Error(
      `Invalid application id: it can only be composed of alphanum chars, '-' and '_'`
    );
  }
  if (state.apps.has(app.id)) {
    throw new Error(`An application is already registered with the id "${app.id}"`);
  }
  if ([...state.apps.values()].some((registered) => registered.appRoute === app.appRoute)) {
    throw new Error(`An application is already registered with the appRoute "${app.appRoute}"`);
  }
  if (state.basePath && app.appRoute!.startsWith(`${state.basePath}/`)) {
    throw new Error('Cannot register an application route that includes HTTP base path');
  }
  return {
    ...app,
    status: app.status ?? APP_STATUS_ACCESSIBLE,
    deepLinks: withDeepLinkDefaults(app.deepLinks),
  };
}
