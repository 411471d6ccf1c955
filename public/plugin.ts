import type {
  AppMountParameters,
  CoreSetup,
  CoreStart,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/public';
import { PLUGIN_ID, PLUGIN_NAME, SECURITY_APP_CATEGORY } from '../common/constants';
import { APP_DEEP_LINKS } from './app_pages';
import { registerRuleTypeModels } from './rule_types/rule_type_models';
import { createConnectionsApi } from './services/connections_api';
import type {
  ExchangeMessageTracePublicSetupDeps,
  ExchangeMessageTracePublicStartDeps,
} from './types';

export class ExchangeMessageTracePublicPlugin
  implements
    Plugin<void, void, ExchangeMessageTracePublicSetupDeps, ExchangeMessageTracePublicStartDeps>
{
  constructor(_context: PluginInitializerContext) {}

  setup(
    core: CoreSetup<ExchangeMessageTracePublicStartDeps, void>,
    plugins: ExchangeMessageTracePublicSetupDeps
  ) {
    if (plugins.triggersActionsUi) {
      registerRuleTypeModels(plugins.triggersActionsUi, createConnectionsApi(core.http));
    }
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_NAME,
      category: SECURITY_APP_CATEGORY,
      euiIconType: 'email',
      visibleIn: ['globalSearch', 'sideNav'],
      deepLinks: APP_DEEP_LINKS,
      mount: async (params: AppMountParameters) => {
        // The app's code is a lazy chunk, so Kibana's start-up only pays for this file.
        const [[coreStart, startDeps], { renderApp }] = await Promise.all([
          core.getStartServices(),
          import('./application'),
        ]);
        return renderApp(coreStart, params, {
          alertingUi: startDeps.triggersActionsUi !== undefined,
        });
      },
    });
  }

  start(_core: CoreStart) {}

  stop() {}
}
