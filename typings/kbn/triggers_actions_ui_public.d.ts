/*
 * Ambient declarations for the subset of `@kbn/triggers-actions-ui-plugin/public` a rule-type plugin
 * uses. Type-only. UIS = src/platform/packages/shared/kbn-alerts-ui-shared/src/common/,
 * TAUI = x-pack/platform/plugins/shared/triggers_actions_ui/ (../shared/reference/
 * kibana_alerting_contracts.md §6).
 */
declare module '@kbn/triggers-actions-ui-plugin/public' {
  import type { ComponentType, FunctionComponent, LazyExoticComponent } from 'react';

  // UIS/types/rule_types.ts @ 1dddf119fc
  export interface ValidationResult {
    errors: Record<string, any>;
  }
  export type IErrorObject = Record<string, string | string[] | IErrorObject>;

  // UIS/types/rule_types.ts @ 1dddf119fc (charts, data, dataViews, unifiedSearch omitted: a params
  // editor that needs none of them reads none)
  export interface RuleTypeParamsExpressionProps<
    Params extends Record<string, any> = Record<string, unknown>,
    MetaData = Record<string, unknown>,
    ActionGroupIds extends string = string,
  > {
    id?: string;
    ruleParams: Params;
    ruleInterval: string;
    ruleThrottle: string;
    alertNotifyWhen: string;
    setRuleParams: <Key extends keyof Params>(
      property: Key,
      value: Params[Key] | undefined
    ) => void;
    setRuleProperty: (key: string, value: unknown) => void;
    onChangeMetaData: (metadata: MetaData) => void;
    errors: IErrorObject;
    defaultActionGroupId: string;
    actionGroups: Array<{ id: ActionGroupIds; name: string }>;
    metadata?: MetaData;
  }

  // UIS/types/rule_types.ts @ 1dddf119fc (alertDetailsAppSection omitted)
  export interface RuleTypeModel<Params extends Record<string, any> = Record<string, any>> {
    id: string;
    description: string;
    iconClass: string;
    documentationUrl: string | ((docLinks: unknown) => string) | null;
    validate: (ruleParams: Params, isServerless?: boolean) => ValidationResult;
    ruleParamsExpression:
      | FunctionComponent<any>
      | LazyExoticComponent<ComponentType<RuleTypeParamsExpressionProps<Params>>>;
    requiresAppContext: boolean;
    defaultActionMessage?: string;
    defaultRecoveryMessage?: string;
    defaultSummaryMessage?: string;
  }

  // UIS/type_registry.ts @ 6f873f15df: `register` of a known id throws
  // `Object type "<id>" is already registered.`; `get` of an unknown one
  // `Object type "<id>" is not registered.`
  export interface TypeRegistry<T extends { id: string }> {
    has(id: string): boolean;
    register(objectType: T): void;
    get(id: string): T;
    list(): T[];
  }

  // TAUI/public/plugin.ts @ 05d93d08bb. The start contract of newest main has no
  // getAddRuleFlyout/getRuleFormFlyout (which 9.5 ships is UNCONFIRMED), so none is declared; the
  // rule form is reached through the Rules app (`/app/management/insightsAndAlerting/
  // triggersActions/rule/create/<ruleTypeId>`).
  export interface TriggersAndActionsUIPublicPluginSetup {
    ruleTypeRegistry: TypeRegistry<RuleTypeModel>;
  }
  export interface TriggersAndActionsUIPublicPluginStart {
    ruleTypeRegistry: TypeRegistry<RuleTypeModel>;
  }
}
