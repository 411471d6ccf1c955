import { createBrowserHistory, type Location } from 'history';
import { BehaviorSubject } from 'rxjs';
import type {
  App,
  AppLeaveActionFactory,
  AppLeaveHandler,
  ApplicationSetup,
  ApplicationStart,
  Capabilities,
} from '@kbn/core/public';
import { registrableApp } from './application_registration_rules';

/** AppStatus.inaccessible; the enum itself is type-only here (no runtime @kbn/core/public). */
const APP_STATUS_INACCESSIBLE = 1;

export interface ApplicationService extends ApplicationStart {
  apps: ReadonlyMap<string, App<unknown>>;
  /** The page's location under the base path, e.g. `/app/exchangeMessageTrace/settings`. */
  location$: BehaviorSubject<Location>;
  currentAppId$: BehaviorSubject<string | undefined>;
  isAccessible(app: App<unknown>): boolean;
  setAppLeaveHandler(handler: AppLeaveHandler | undefined): void;
}

export function appIdOf(pathname: string): string | undefined {
  return /^\/app\/([^/?#]+)/.exec(pathname)?.[1];
}

const leaveActions: AppLeaveActionFactory = {
  default: () => ({ type: 'default' }) as ReturnType<AppLeaveActionFactory['default']>,
  confirm: (text, title, callback, confirmButtonText) =>
    ({ type: 'confirm', text, title, callback, confirmButtonText }) as ReturnType<
      AppLeaveActionFactory['confirm']
    >,
};

/** `core.application`: register in setup; in start, navigation under the host's base path. */
export function createApplicationService(basePath: string) {
  const apps = new Map<string, App<unknown>>();
  let registrationClosed = false;
  const setup: ApplicationSetup = {
    register: (candidate) => {
      const app = registrableApp(candidate as App<unknown>, { registrationClosed, basePath, apps });
      apps.set(app.id, app);
    },
  };

  function start(capabilities: Capabilities): ApplicationService {
    registrationClosed = true;
    const history = createBrowserHistory({ basename: basePath });
    const location$ = new BehaviorSubject<Location>(history.location);
    history.listen((location) => location$.next(location));
    const currentAppId$ = new BehaviorSubject<string | undefined>(
      appIdOf(history.location.pathname)
    );
    location$.subscribe(({ pathname }) => {
      const appId = appIdOf(pathname);
      if (appId !== currentAppId$.getValue()) currentAppId$.next(appId);
    });
    let leaveHandler: AppLeaveHandler | undefined;
    window.addEventListener('beforeunload', (event) => {
      if (leaveHandler?.(leaveActions, undefined).type === 'confirm') event.preventDefault();
    });

    /** Asks the mounted app's onAppLeave handler before leaving it. */
    const mayLeave = (nextAppId: string | undefined, skipAppLeave?: boolean) => {
      if (skipAppLeave || !leaveHandler || nextAppId === currentAppId$.getValue()) return true;
      const action = leaveHandler(leaveActions, nextAppId);
      if (action.type !== 'confirm' || window.confirm(action.text)) return true;
      action.callback?.();
      return false;
    };
    /** Pushes a path under the base path; an app that stays mounted hears it through popstate. */
    const go = (path: string, state: unknown, replace?: boolean) => {
      const sameApp = appIdOf(path) === currentAppId$.getValue();
      if (replace) history.replace(path, state);
      else history.push(path, state);
      if (sameApp)
        window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    };
    const getUrlForApp: ApplicationStart['getUrlForApp'] = (appId, options = {}) => {
      const path = options.path ? `${options.path.startsWith('/') ? '' : '/'}${options.path}` : '';
      const relative = `${basePath}/app/${appId}${path}`;
      return options.absolute ? new URL(relative, window.location.origin).href : relative;
    };

    return {
      apps,
      location$,
      capabilities,
      currentAppId$,
      isAccessible: (app) =>
        app.status !== APP_STATUS_INACCESSIBLE && capabilities.navLinks?.[app.id] !== false,
      setAppLeaveHandler: (handler) => (leaveHandler = handler),
      isAppRegistered: (appId) => apps.has(appId),
      getUrlForApp,
      navigateToApp: async (appId, options = {}) => {
        if (options.openInNewTab) {
          window.open(getUrlForApp(appId, { path: options.path }), '_blank');
        } else if (mayLeave(appId, options.skipAppLeave)) {
          go(
            getUrlForApp(appId, { path: options.path }).slice(basePath.length),
            options.state,
            options.replace
          );
        }
      },
      navigateToUrl: async (url, options = {}) => {
        const target = new URL(url, window.location.href);
        const local = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
        const path = `${target.pathname.slice(basePath.length)}${target.search}${target.hash}`;
        if (
          target.origin !== window.location.origin ||
          !local ||
          !appIdOf(path) ||
          options.forceRedirect
        ) {
          if (mayLeave(undefined, options.skipAppLeave)) window.location.assign(target.href);
        } else if (mayLeave(appIdOf(path), options.skipAppLeave)) {
          go(path, options.state);
        }
      },
    };
  }

  return { setup, start, apps };
}
