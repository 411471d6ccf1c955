/*
 * Ambient declarations for the subset of `@kbn/alerting-plugin/server` a third-party rule-type
 * plugin uses. Type-only (the module does not exist outside Kibana).
 * AL = x-pack/platform/plugins/shared/alerting/, AT = src/platform/packages/shared/kbn-alerting-types/
 * (facts and commits: ../shared/reference/kibana_alerting_contracts.md §1, §3).
 */
declare module '@kbn/alerting-plugin/server' {
  import type { IScopedClusterClient, Logger } from '@kbn/core/server';
  import type { LicenseType } from '@kbn/features-plugin/server';

  // AT/rule_type_types.ts, AT/alert_instance.ts (Kibana's own `Record<string, any>`)
  export type RuleTypeParams = Record<string, any>;
  export type RuleTypeState = Record<string, any>;
  export type AlertInstanceState = Record<string, any>;
  export type AlertInstanceContext = Record<string, any>;
  // The alert document a type writes beside the framework's fields.
  export type RuleAlertData = Record<string, any>;
  type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

  // AT/action_group_types.ts @ 12071a2d28
  export interface ActionGroup<ActionGroupIds extends string = string> {
    id: ActionGroupIds;
    name: string;
    severity?: { level: number };
  }

  // AT/action_variable.ts @ 1fc50bf79f
  export interface ActionVariable {
    name: string;
    description: string;
    deprecated?: boolean;
    useWithTripleBracesInTemplates?: boolean;
    usesPublicBaseUrl?: boolean;
  }

  // AT/rule_types.ts: RuleTypeSolution (required in newest main; optional here, UNCONFIRMED for 9.5)
  export type RuleTypeSolution = 'observability' | 'security' | 'stack';

  // AL/server/types.ts @ 03e79409d8 (RuleTypeParamsValidator)
  export interface RuleTypeParamsValidator<Params extends RuleTypeParams> {
    validate: (object: Partial<Params>) => Params;
    validateMutatedParams?: (mutatedOject: Params, origObject?: Params) => Params;
  }

  // kbn-alerts-as-data-utils src/field_maps/types.ts @ 91016ea148
  export interface FieldMapEntry {
    type: string;
    required: boolean;
    array?: boolean;
    doc_values?: boolean;
    enabled?: boolean;
    format?: string;
    ignore_above?: number;
    index?: boolean;
    multi_fields?: Array<{ flat_name: string; name: string; type: string }>;
    path?: string;
    scaling_factor?: number;
    dynamic?: boolean | 'strict';
    properties?: Record<string, { type: string }>;
  }
  export type FieldMap = Record<string, FieldMapEntry>;

  // AL/server/types.ts @ 03e79409d8 (IRuleTypeAlerts; formatAlert, secondaryAlias,
  // dangerouslyCreateAlertsInAllSpaces omitted)
  export interface IRuleTypeAlerts<AlertData extends RuleAlertData = never> {
    context: string;
    mappings: { fieldMap: FieldMap; dynamic?: 'strict' | false };
    shouldWrite?: boolean;
    useEcs?: boolean;
    useLegacyAlerts?: boolean;
    isSpaceAware?: boolean;
    /** Applied to summarized alerts (`AlertData` is the document type). */
    formatAlert?: (alert: Partial<AlertData>) => Partial<AlertData>;
  }

  // AL/server/alerts_client/types.ts @ 023dbe9a57
  export interface ReportedAlert<
    AlertData extends RuleAlertData,
    State extends AlertInstanceState,
    Context extends AlertInstanceContext,
    ActionGroupIds extends string,
  > {
    id: string;
    actionGroup: ActionGroupIds;
    state?: State;
    context?: Context;
    payload?: DeepPartial<AlertData>;
  }
  export type UpdateableAlert<
    AlertData extends RuleAlertData,
    State extends AlertInstanceState,
    Context extends AlertInstanceContext,
    ActionGroupIds extends string,
  > = Pick<ReportedAlert<AlertData, State, Context, ActionGroupIds>, 'id' | 'context' | 'payload'>;
  export interface ReportedAlertData {
    uuid: string;
    start: string | null;
  }
  // AL/server/alert/alert.ts @ 023dbe9a57 (the members a recovered alert is read and set through)
  export interface LegacyAlert<
    State extends AlertInstanceState,
    Context extends AlertInstanceContext,
  > {
    getId(): string;
    getUuid(): string;
    getStart(): string | null;
    getState(): State;
    getContext(): Context;
    hasContext(): boolean;
    setContext(context: Context): this;
  }
  export interface RecoveredAlertData<
    AlertData extends RuleAlertData,
    State extends AlertInstanceState,
    Context extends AlertInstanceContext,
  > {
    alert: LegacyAlert<State, Context>;
    hit?: AlertData;
  }
  export interface PublicAlertsClient<
    AlertData extends RuleAlertData,
    State extends AlertInstanceState,
    Context extends AlertInstanceContext,
    ActionGroupIds extends string,
  > {
    report(alert: ReportedAlert<AlertData, State, Context, ActionGroupIds>): ReportedAlertData;
    isTrackedAlert(id: string): boolean;
    setAlertData(alert: UpdateableAlert<AlertData, State, Context, ActionGroupIds>): void;
    getAlertLimitValue(): number;
    setAlertLimitReached(reached: boolean): void;
    getRecoveredAlerts(): Array<RecoveredAlertData<AlertData, State, Context>>;
  }

  // AL/server/types.ts @ 03e79409d8 (RuleExecutorServices; savedObjectsClient, uiSettingsClient,
  // data views, search source, maintenance windows, share, rule monitoring omitted)
  export interface RuleExecutorServices<
    State extends AlertInstanceState = AlertInstanceState,
    Context extends AlertInstanceContext = AlertInstanceContext,
    ActionGroupIds extends string = never,
    AlertData extends RuleAlertData = RuleAlertData,
  > {
    /** Acts as the API key granted for the rule's creator. */
    scopedClusterClient: IScopedClusterClient;
    /** `null` when the rule type has no `alerts`. */
    alertsClient: PublicAlertsClient<AlertData, State, Context, ActionGroupIds> | null;
    ruleResultService?: {
      addLastRunError(message: string, userError?: boolean): void;
      addLastRunWarning(message: string): void;
      setLastRunOutcomeMessage(message: string): void;
    };
    shouldWriteAlerts(): boolean;
    shouldStopExecution(): boolean;
  }

  // AL/common/rule.ts @ 01ad79c316 (SanitizedRuleConfig, the members read here)
  export interface RuleExecutorRule {
    id: string;
    name: string;
    tags: string[];
    consumer: string;
    producer: string;
    revision: number;
    ruleTypeId: string;
    ruleTypeName: string;
    enabled: boolean;
    schedule: { interval: string };
    createdBy: string | null;
    updatedBy: string | null;
    createdAt: Date;
    updatedAt: Date;
    throttle: string | null;
    notifyWhen: string | null;
    muteAll: boolean;
  }

  // AL/server/types.ts @ 03e79409d8, filled by AL/server/task_runner/rule_type_runner.ts @ 01ad79c316
  export interface RuleExecutorOptions<
    Params extends RuleTypeParams = never,
    State extends RuleTypeState = never,
    InstanceState extends AlertInstanceState = never,
    InstanceContext extends AlertInstanceContext = never,
    ActionGroupIds extends string = never,
    AlertData extends RuleAlertData = never,
  > {
    executionId: string;
    logger: Logger;
    params: Params;
    previousStartedAt: Date | null;
    rule: RuleExecutorRule;
    services: RuleExecutorServices<InstanceState, InstanceContext, ActionGroupIds, AlertData>;
    spaceId: string;
    namespace?: string;
    startedAt: Date;
    startedAtOverridden: boolean;
    state: State;
    flappingSettings: { enabled: boolean; lookBackWindow: number; statusChangeThreshold: number };
    isServerless: boolean;
    /** `{ dateStart, dateEnd }` as ISO strings, `window` like `'15m'`. */
    getTimeRange(window?: string): { dateStart: string; dateEnd: string };
  }

  // AL/server/types.ts (GetViewInAppRelativeUrlFnOpts, newest form): only `id` is certain; the
  // action scheduler passes the whole sanitized rule, so `params` is there too.
  export interface GetViewInAppRelativeUrlFnOpts<Params extends RuleTypeParams> {
    rule: { id: string } & Partial<RuleExecutorRule & { params: Params }>;
    start?: number;
    end?: number;
  }

  export type ExecutorType<
    Params extends RuleTypeParams = never,
    State extends RuleTypeState = never,
    InstanceState extends AlertInstanceState = never,
    InstanceContext extends AlertInstanceContext = never,
    ActionGroupIds extends string = never,
    AlertData extends RuleAlertData = never,
  > = (
    options: RuleExecutorOptions<
      Params,
      State,
      InstanceState,
      InstanceContext,
      ActionGroupIds,
      AlertData
    >
  ) => Promise<{ state: State }>;

  // AL/server/types.ts @ 03e79409d8 (RuleType; internallyManaged,
  // fieldsForAAD, trackChanges, priority omitted)
  export interface RuleType<
    Params extends RuleTypeParams = never,
    ExtractedParams extends RuleTypeParams = never,
    State extends RuleTypeState = never,
    InstanceState extends AlertInstanceState = never,
    InstanceContext extends AlertInstanceContext = never,
    ActionGroupIds extends string = never,
    RecoveryActionGroupId extends string = never,
    AlertData extends RuleAlertData = never,
  > {
    id: string;
    name: string;
    validate: { params: RuleTypeParamsValidator<Params> };
    schemas?: {
      params?: { type: 'config-schema'; schema: unknown } | { type: 'zod'; schema: unknown };
    };
    actionGroups: Array<ActionGroup<ActionGroupIds>>;
    defaultActionGroupId: ActionGroup<ActionGroupIds>['id'];
    recoveryActionGroup?: ActionGroup<RecoveryActionGroupId>;
    executor: ExecutorType<
      Params,
      State,
      InstanceState,
      InstanceContext,
      ActionGroupIds | RecoveryActionGroupId,
      AlertData
    >;
    category: string;
    producer: string;
    solution?: RuleTypeSolution;
    actionVariables?: {
      context?: ActionVariable[];
      state?: ActionVariable[];
      params?: ActionVariable[];
    };
    minimumLicenseRequired: LicenseType;
    isExportable: boolean;
    defaultScheduleInterval?: string;
    ruleTaskTimeout?: string;
    cancelAlertsOnRuleTimeout?: boolean;
    doesSetRecoveryContext?: boolean;
    autoRecoverAlerts?: boolean;
    alerts?: IRuleTypeAlerts<AlertData>;
    getViewInAppRelativeUrl?: (options: GetViewInAppRelativeUrlFnOpts<Params>) => string;
    useSavedObjectReferences?: {
      extractReferences: (params: Params) => {
        params: ExtractedParams;
        references: Array<{ name: string; type: string; id: string }>;
      };
      injectReferences: (
        params: ExtractedParams,
        references: Array<{ name: string; type: string; id: string }>
      ) => Params;
    };
  }

  // AL/server/plugin.ts (AlertingServerSetup; registerConnectorAdapter, getSecurityHealth,
  // getConfig, frameworkAlerts, getDataStreamAdapter omitted)
  export interface AlertingServerSetup {
    registerType<
      Params extends RuleTypeParams = RuleTypeParams,
      ExtractedParams extends RuleTypeParams = RuleTypeParams,
      State extends RuleTypeState = RuleTypeState,
      InstanceState extends AlertInstanceState = AlertInstanceState,
      InstanceContext extends AlertInstanceContext = AlertInstanceContext,
      ActionGroupIds extends string = never,
      RecoveryActionGroupId extends string = never,
      AlertData extends RuleAlertData = never,
    >(
      ruleType: RuleType<
        Params,
        ExtractedParams,
        State,
        InstanceState,
        InstanceContext,
        ActionGroupIds,
        RecoveryActionGroupId,
        AlertData
      >
    ): void;
  }

  // AL/server/plugin.ts (AlertingServerStart; getRulesClientWithRequest and the rest omitted: a
  // plugin that only registers rule types reads nothing from it)
  export type AlertingServerStart = object;
}
