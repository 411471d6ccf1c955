import { createRoot } from 'react-dom/client';
import { EuiEmptyPrompt, EuiProvider } from '@elastic/eui';
import type {
  Capabilities,
  CoreSetup,
  CoreStart,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/public';
import { plugin } from '../../../../public';
import type { HostMetadata } from '../host_metadata';
import { createApplicationService } from './application_service';
import { createChromeService } from './chrome_service';
import { ChromeRoot } from './chrome_root';
import { createHttpService } from './http_service';
import { readMetadata } from './read_metadata';
import { startMomentService } from './moment_service';
import { createRenderingService } from './rendering_service';
import { createThemeService } from './theme_service';
import { createToastsService } from './toasts_service';
import { createTriggersActionsUiService } from './triggers_actions_ui_service';
import { createUiSettingsClient } from '../../ui_settings/ui_settings_client';

function initializerContext(metadata: HostMetadata): PluginInitializerContext {
  const [major = '9', minor = '0'] = metadata.kibanaVersion.split('.');
  return {
    opaqueId: Symbol('exchangeMessageTrace'),
    env: {
      mode: { name: 'development', dev: true, prod: false },
      packageInfo: {
        version: metadata.kibanaVersion,
        branch: `${major}.${minor}`,
        buildNum: 0,
        buildSha: 'host',
        buildShaShort: 'host',
        buildDate: new Date(0),
        buildFlavor: 'traditional',
        dist: false,
      },
    },
    // The plugin exposes no config to the browser (no `exposeToBrowser`).
    config: { get: <T,>() => ({}) as T },
  };
}

/**
 * The contracts of the browser plugins the host stands in for, given to a plugin only for the ids
 * its manifest lists. Like the server side (kibana_host.ts), which gives every host alerting and
 * actions, every host has triggersActionsUi.
 */
function dependenciesOf(metadata: HostMetadata, contracts: Record<string, unknown>) {
  const { requiredPlugins, optionalPlugins } = metadata.plugin;
  return Object.fromEntries(
    [...requiredPlugins, ...optionalPlugins]
      .filter((id) => contracts[id] !== undefined)
      .map((id) => [id, contracts[id]])
  );
}

/** Kibana's browser bootstrap, in order: plugin setup, capabilities, plugin start, chrome. */
async function bootstrap(element: HTMLElement) {
  const metadata = readMetadata();
  const theme = createThemeService(metadata.assetsPath);
  const http = createHttpService(metadata.basePath, metadata.kibanaVersion);
  const toasts = createToastsService();
  const chrome = createChromeService();
  const applications = createApplicationService(metadata.basePath);
  const rendering = createRenderingService(theme.theme$);
  const triggersActionsUi = createTriggersActionsUiService();

  let resolveStart: (services: [CoreStart, object, unknown]) => void = () => undefined;
  const startServices = new Promise<[CoreStart, object, unknown]>(
    (resolve) => (resolveStart = resolve)
  );
  const instance: Plugin<unknown, unknown, object, object> = plugin(initializerContext(metadata));
  const coreSetup: CoreSetup<object, unknown> = {
    application: applications.setup,
    http,
    notifications: { toasts },
    getStartServices: () => startServices,
  };
  instance.setup(
    coreSetup,
    dependenciesOf(metadata, { triggersActionsUi: triggersActionsUi.setup })
  );

  // Like Kibana, capabilities are resolved for the registered apps once setup is done.
  const capabilities = await http.post<Capabilities>('/api/core/capabilities', {
    body: JSON.stringify({ applications: [...applications.apps.keys()] }),
  });
  const application = applications.start(capabilities);
  // Core's own services start before the plugins' start.
  const uiSettings = createUiSettingsClient(metadata.uiSettings);
  startMomentService(uiSettings);
  const coreStart: CoreStart = {
    application,
    chrome,
    http,
    notifications: { toasts },
    rendering,
    theme,
    uiSettings,
  };
  const startDependencies = dependenciesOf(metadata, {
    triggersActionsUi: triggersActionsUi.start,
  });
  const pluginStart = instance.start(coreStart, startDependencies);
  resolveStart([coreStart, startDependencies, pluginStart]);

  createRoot(element).render(
    <ChromeRoot
      metadata={metadata}
      application={application}
      chrome={chrome}
      theme={theme}
      toasts={toasts}
    />
  );
}

function renderFatalError(element: HTMLElement, error: Error) {
  createRoot(element).render(
    <EuiProvider colorMode="light">
      <EuiEmptyPrompt
        color="danger"
        iconType="error"
        data-test-subj="hostFatalError"
        title={<h2>Something went wrong</h2>}
        body={<p>{error.message}</p>}
      />
    </EuiProvider>
  );
}

const root = document.getElementById('kibana-body');
if (root) {
  bootstrap(root).catch((error: Error) => {
    console.error('Kibana host bootstrap failed', error);
    renderFatalError(root, error);
  });
}
