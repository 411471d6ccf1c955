import type {
  TriggersAndActionsUIPublicPluginSetup,
  TriggersAndActionsUIPublicPluginStart,
} from '@kbn/triggers-actions-ui-plugin/public';

/** Optional: without triggersActionsUi the app offers no rule creation. */
export interface ExchangeMessageTracePublicSetupDeps {
  triggersActionsUi?: TriggersAndActionsUIPublicPluginSetup;
}

export interface ExchangeMessageTracePublicStartDeps {
  triggersActionsUi?: TriggersAndActionsUIPublicPluginStart;
}
