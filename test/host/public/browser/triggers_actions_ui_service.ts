import type {
  RuleTypeModel,
  TriggersAndActionsUIPublicPluginSetup,
  TriggersAndActionsUIPublicPluginStart,
  TypeRegistry,
} from '@kbn/triggers-actions-ui-plugin/public';

/**
 * Kibana's TypeRegistry as triggersActionsUi hands it out: a duplicate id is refused and an unknown
 * one is an error, with Kibana's messages. Kibana:
 * src/platform/packages/shared/kbn-alerts-ui-shared/src/common/type_registry.ts @ d5471f131b
 * (the class that x-pack/plugins/triggers_actions_ui/public/application/type_registry.ts
 * @ 34666750ee was moved into; its `get` then answered null for an unknown id).
 */
export function createTypeRegistry<T extends { id: string }>(): TypeRegistry<T> {
  const objectTypes = new Map<string, T>();
  return {
    has: (id) => objectTypes.has(id),
    register(objectType) {
      if (objectTypes.has(objectType.id)) {
        throw new Error(`Object type "${objectType.id}" is already registered.`);
      }
      objectTypes.set(objectType.id, objectType);
    },
    get(id) {
      const objectType = objectTypes.get(id);
      if (!objectType) throw new Error(`Object type "${id}" is not registered.`);
      return objectType;
    },
    list: () => [...objectTypes.values()],
  };
}

/**
 * The part of triggersActionsUi's public contract a rule-type plugin uses: one rule type registry,
 * the same object on setup and start (x-pack/platform/plugins/shared/triggers_actions_ui/public/
 * plugin.ts @ 05d93d08bb).
 */
export function createTriggersActionsUiService() {
  const ruleTypeRegistry = createTypeRegistry<RuleTypeModel>();
  const setup: TriggersAndActionsUIPublicPluginSetup = { ruleTypeRegistry };
  const start: TriggersAndActionsUIPublicPluginStart = { ruleTypeRegistry };
  return { setup, start };
}
