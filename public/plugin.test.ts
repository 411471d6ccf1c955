import type { App, CoreSetup, PluginInitializerContext } from '@kbn/core/public';
import type {
  RuleTypeModel,
  TriggersAndActionsUIPublicPluginSetup,
} from '@kbn/triggers-actions-ui-plugin/public';
import { ExchangeMessageTracePublicPlugin } from './plugin';

/** What the plugin hands Kibana's application service at setup. */
function registeredApps(): App[] {
  const apps: App[] = [];
  const core = { application: { register: (app: App) => apps.push(app) } };
  new ExchangeMessageTracePublicPlugin({} as PluginInitializerContext).setup(
    core as unknown as CoreSetup<object, void>,
    {}
  );
  return apps;
}

describe('the public plugin', () => {
  it('registers one app under Security, in global search and the side nav', () => {
    const [app, ...others] = registeredApps();
    expect(others).toEqual([]);
    expect(app).toMatchObject({
      id: 'exchangeMessageTrace',
      title: 'Exchange Message Trace',
      // DEFAULT_APP_CATEGORIES.security: src/core/packages/application/common/src/
      // default_app_categories.ts @ 0fd28cf7 (Kibana).
      category: {
        id: 'securitySolution',
        label: 'Security',
        order: 4000,
        euiIconType: 'logoSecurity',
      },
      euiIconType: 'email',
      visibleIn: ['globalSearch', 'sideNav'],
    });
    expect(app!.mount).toEqual(expect.any(Function));
  });

  it('links its pages for every user, but not the import, which needs `manage`', () => {
    const [app] = registeredApps();
    // Deep links default to global search alone (Kibana's populateDeepLinkDefaults): these ask for
    // the side nav too.
    const everywhere = ['globalSearch', 'sideNav'];
    expect(app!.deepLinks).toEqual([
      {
        id: 'delivery_status',
        title: 'Delivery status',
        path: '/delivery_status',
        visibleIn: everywhere,
      },
      {
        id: 'suspicious_senders',
        title: 'Suspicious senders',
        path: '/suspicious_senders',
        visibleIn: everywhere,
      },
      { id: 'messages', title: 'Messages', path: '/messages', visibleIn: everywhere },
      { id: 'campaign', title: 'Campaigns', path: '/campaign', visibleIn: everywhere },
      { id: 'settings', title: 'Settings', path: '/settings', visibleIn: everywhere },
    ]);
  });

  it('registers a params editor per rule type with triggersActionsUi, only when it is present', () => {
    const registered: RuleTypeModel[] = [];
    const core = { application: { register: () => undefined } };
    new ExchangeMessageTracePublicPlugin({} as PluginInitializerContext).setup(
      core as unknown as CoreSetup<object, void>,
      {
        triggersActionsUi: {
          ruleTypeRegistry: { register: (model: RuleTypeModel) => registered.push(model) },
        } as unknown as TriggersAndActionsUIPublicPluginSetup,
      }
    );
    expect(registered.map((model) => model.id)).toEqual([
      'exchangeMessageTrace.suspiciousSender',
      'exchangeMessageTrace.deliveryFailures',
      'exchangeMessageTrace.collectionHealth',
    ]);
    const [suspicious] = registered;
    expect(suspicious!.validate({ threshold: 40, windowHours: 24, groupBy: 'sender' })).toEqual({
      errors: {},
    });
    expect(suspicious!.validate({ threshold: 0, windowHours: 24, groupBy: 'sender' })).toEqual({
      errors: { threshold: ['must be a whole number from 1 to 190'] },
    });
  });
});
