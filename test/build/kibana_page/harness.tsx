/**
 * The part of Kibana's browser core the plugin zip's bundle meets, loaded after the shared deps
 * and the plugin's own script tag: it reads the plugin from `__kbnBundles__` exactly as core's
 * plugin_reader does, runs setup with a CoreSetup that captures the registered app, then start,
 * and mounts the app with a CoreStart-shaped object (the host's browser services).
 */
import './shared_deps';
import { createRoot } from 'react-dom/client';
import { EuiProvider } from '@elastic/eui';
import type {
  App,
  AppMountParameters,
  ChromeBreadcrumb,
  CoreSetup,
  CoreStart,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/public';
import { createHttpService } from '../../host/public/browser/http_service';
import { createRenderingService } from '../../host/public/browser/rendering_service';
import { createScopedHistory } from '../../host/public/browser/scoped_history';
import { createThemeService } from '../../host/public/browser/theme_service';
import { createToastsService } from '../../host/public/browser/toasts_service';
import { createUiSettingsClient } from '../../host/ui_settings/ui_settings_client';

interface KbnBundles {
  get(key: string): {
    plugin: (context: PluginInitializerContext) => Plugin<unknown, unknown, object, object>;
  };
}

export interface HarnessState {
  setupDone: boolean;
  appIds: string[];
  breadcrumbs: string[];
  mounted: boolean;
}

declare global {
  interface Window {
    __kbnBundles__: KbnBundles;
    __harness: { state: HarnessState; start(): void; mount(): Promise<void> };
  }
}

const KIBANA_VERSION = document.documentElement.dataset.kibanaVersion ?? '9.5.3';
const state: HarnessState = { setupDone: false, appIds: [], breadcrumbs: [], mounted: false };
const apps: App[] = [];
const http = createHttpService('', KIBANA_VERSION);
const theme = createThemeService('');
const toasts = createToastsService();
let coreStart: CoreStart | undefined;

function initializerContext(): PluginInitializerContext {
  return {
    opaqueId: Symbol('exchangeMessageTrace'),
    env: {
      mode: { name: 'production', dev: false, prod: true },
      packageInfo: {
        version: KIBANA_VERSION,
        branch: KIBANA_VERSION.split('.').slice(0, 2).join('.'),
        buildNum: 0,
        buildSha: 'harness',
        buildShaShort: 'harness',
        buildDate: new Date(0),
        buildFlavor: 'traditional',
        dist: true,
      },
    },
    config: { get: <T,>() => ({}) as T },
  };
}

/** Kibana's plugin_reader: `__kbnBundles__.get('plugin/<id>/public').plugin` must be a function. */
function start() {
  const { plugin } = window.__kbnBundles__.get('plugin/exchangeMessageTrace/public');
  if (typeof plugin !== 'function') throw new Error('Definition of plugin is not a function');
  const instance = plugin(initializerContext());
  let resolveStart: (services: [CoreStart, object, unknown]) => void = () => undefined;
  const startServices = new Promise<[CoreStart, object, unknown]>((resolve) => {
    resolveStart = resolve;
  });
  const setup = {
    application: { register: (app: App) => apps.push(app) },
    http,
    notifications: { toasts },
    getStartServices: () => startServices,
  } as unknown as CoreSetup<object, unknown>;
  instance.setup(setup, {});
  state.setupDone = true;
  state.appIds = apps.map((app) => app.id);
  coreStart = {
    application: { navigateToApp: async () => undefined, capabilities: {} },
    chrome: {
      setBreadcrumbs: (crumbs: ChromeBreadcrumb[]) => {
        state.breadcrumbs = crumbs.map((crumb) => String(crumb.text));
      },
      docTitle: { change: () => undefined, reset: () => undefined },
    },
    // Kibana's defaults (nothing set in Advanced Settings).
    uiSettings: createUiSettingsClient({}),
    http,
    notifications: { toasts },
    rendering: createRenderingService(theme.theme$),
    theme,
  } as unknown as CoreStart;
  instance.start(coreStart, {});
  resolveStart([coreStart, {}, undefined]);
}

async function mount() {
  const app = apps[0];
  if (!app) throw new Error('The plugin registered no app');
  const element = document.getElementById('app')!;
  const params = {
    element,
    appBasePath: `/app/${app.id}`,
    history: createScopedHistory(`/app/${app.id}`),
    onAppLeave: () => undefined,
    setHeaderActionMenu: () => undefined,
    theme$: theme.theme$,
  } as unknown as AppMountParameters;
  await app.mount(params);
  state.mounted = true;
}

// Kibana's root provider owns the global styles; the app's own provider (rendering.addContext) does not.
createRoot(document.getElementById('kbn-root')!).render(<EuiProvider colorMode="light" />);
window.__harness = { state, start, mount };
