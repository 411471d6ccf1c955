/*
 * Ambient declarations for the subset of `@kbn/task-manager-plugin/server` this plugin uses.
 * Type-only: enums below are declared for typing; never read their values at runtime (use the literal
 * numbers/strings instead), because the module does not exist outside Kibana.
 */
declare module '@kbn/task-manager-plugin/server' {
  import type { estypes } from '@elastic/elasticsearch';
  import type { ObjectType } from '@kbn/config-schema';
  import type { KibanaRequest } from '@kbn/core/server';

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  // UNCONFIRMED: newest main renames the tiers (Maintenance=1, Deferrable=40, Standard=50) and adds
  // UserInteractive=100, keeping the names below as deprecated aliases; only the long-standing names are declared.
  export enum TaskPriority {
    Low = 1,
    NormalLongRunning = 40,
    Normal = 50,
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export enum TaskCost {
    Tiny = 1,
    Normal = 2,
    Large = 4,
    ExtraLarge = 10,
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export enum TaskStatus {
    Idle = 'idle',
    Claiming = 'claiming',
    Running = 'running',
    Failed = 'failed',
    ShouldDelete = 'should_delete',
    Unrecognized = 'unrecognized',
    DeadLetter = 'dead_letter',
  }

  // @kbn/response-ops-scheduling-types (re-exported by task.ts)
  // UNCONFIRMED: newest adds `rrule?: never` here and types Rrule with a `Frequency` enum from @kbn/rrule;
  // the Rrule subset below uses `number` for freq.
  export interface IntervalSchedule {
    interval: string;
  }
  export interface RruleCommon {
    dtstart?: string;
    freq: number;
    interval: number;
    tzid: string;
  }
  export interface RruleSchedule {
    rrule: RruleCommon;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  // (stateVersion/traceparent/user kept; apiKey, uiamApiKey, userScope, partition, cost omitted)
  export interface TaskInstance {
    id?: string;
    taskType: string;
    scheduledAt?: Date;
    startedAt?: Date | null;
    retryAt?: Date | null;
    runAt?: Date;
    schedule?: IntervalSchedule | RruleSchedule;
    params: Record<string, any>;
    state: Record<string, any>;
    stateVersion?: number;
    traceparent?: string;
    user?: string;
    scope?: string[];
    ownerId?: string | null;
    enabled?: boolean;
    timeoutOverride?: string;
    priority?: TaskPriority;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export interface TaskInstanceWithDeprecatedFields extends TaskInstance {
    interval?: string;
    numSkippedRuns?: number;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts (Require<TaskInstance, 'id'>)
  export type TaskInstanceWithId = Omit<TaskInstance, 'id'> & Required<Pick<TaskInstance, 'id'>>;

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export interface ConcreteTaskInstance extends TaskInstance {
    id: string;
    interval?: string;
    numSkippedRuns?: number;
    version?: string;
    scheduledAt: Date;
    attempts: number;
    status: TaskStatus;
    runAt: Date;
    startedAt: Date | null;
    retryAt: Date | null;
    state: Record<string, any>;
    ownerId: string | null;
    partition?: number;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export interface ConcreteTaskInstanceVersion {
    esId: string;
    seqNo?: number;
    primaryTerm?: number;
    error?: string;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  // UNCONFIRMED (9.5): PR #230017 (9.2) added `abortController: AbortController`; PR #279282 (merged
  // 2026-07-22, around the 9.5 feature freeze) replaced it with `signal: AbortSignal`. Both are declared
  // OPTIONAL so code must handle either: `ctx.signal ?? ctx.abortController?.signal`.
  // (Newest main also has executionUuid, enrichRequest, setCustomTaskRunEventFields — not declared.)
  export interface RunContext {
    taskInstance: ConcreteTaskInstance;
    fakeRequest?: KibanaRequest;
    signal?: AbortSignal;
    abortController?: AbortController;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task.ts (`taskRunError?: DecoratedError` omitted)
  export type SuccessfulRunResult = {
    state: Record<string, unknown>;
    shouldValidate?: boolean;
    shouldDeleteTask?: boolean;
    shouldDisableTask?: boolean;
  } & (
    | {
        runAt?: Date;
        schedule?: never;
      }
    | {
        schedule?: IntervalSchedule | RruleSchedule;
        runAt?: never;
      }
  );
  // (Kibana: `error: DecoratedError`, an Error subtype; plain Error is what a task returns)
  export type FailedRunResult = SuccessfulRunResult & {
    error: Error;
  };
  export type RunResult = FailedRunResult | SuccessfulRunResult;

  // x-pack/platform/plugins/shared/task_manager/server/task.ts
  export type AnyRunResult = RunResult | undefined | void;
  export type RunFunction = () => Promise<AnyRunResult>;
  export type CancelFunction = () => Promise<AnyRunResult>;
  export interface CancellableTask<T = never> {
    run: RunFunction;
    cancel?: CancelFunction;
    cleanup?: () => Promise<void>;
  }
  export type TaskRunCreatorFunction = (
    context: RunContext
  ) => CancellableTask<RunContext['taskInstance']>;

  // x-pack/platform/plugins/shared/task_manager/server/task_type_dictionary.ts (taskTypeGroup omitted)
  export interface TaskRegisterDefinition {
    title?: string;
    timeout?: string;
    priority?: TaskPriority;
    cost?: TaskCost;
    description?: string;
    createTaskRunner: TaskRunCreatorFunction;
    maxAttempts?: number;
    /**
     * Do not set. Task Manager throws `maxConcurrency setting isn't allowed for task type: <type>`
     * for any type outside its allow-list (report:execute, report:execute-scheduled,
     * ad_hoc_run-backfill), even for 0, and a throw in setup stops Kibana from starting
     * (task_type_dictionary.ts @ 3107e092, constants.ts @ 15a50b77).
     */
    maxConcurrency?: number;
    stateSchemaByVersion?: Record<
      number,
      {
        schema: ObjectType;
        up: (state: Record<string, unknown>) => Record<string, unknown>;
      }
    >;
    paramsSchema?: ObjectType;
  }
  export type TaskDefinitionRegistry = Record<string, TaskRegisterDefinition>;

  // x-pack/platform/plugins/shared/task_manager/server/task.ts (newer cloneApiKey/onEsKey omitted)
  export interface ApiKeyOptions {
    request?: KibanaRequest;
    regenerateApiKey?: boolean;
  }
  export type ScheduleOptions = Record<string, unknown> & ApiKeyOptions;

  // x-pack/platform/plugins/shared/task_manager/server/task_store.ts
  export interface SearchOpts {
    search_after?: Array<number | string>;
    size?: number;
    sort?: estypes.Sort;
    query?: estypes.QueryDslQueryContainer;
    seq_no_primary_term?: boolean;
  }
  export interface FetchResult {
    docs: ConcreteTaskInstance[];
    versionMap: Map<string, ConcreteTaskInstanceVersion>;
  }

  // x-pack/platform/plugins/shared/task_manager/server/task_scheduling.ts
  // (`conflict` is newest-only, hence optional)
  export interface RunSoonResult {
    id: ConcreteTaskInstance['id'];
    forced: boolean;
    conflict?: boolean;
  }

  // x-pack/platform/plugins/shared/task_manager/server/plugin.ts
  // (index, addMiddleware, registerCanEncryptedSavedObjects, registerTaskEventLogger omitted)
  export interface TaskManagerSetupContract {
    registerTaskDefinitions: (taskDefinitions: TaskDefinitionRegistry) => void;
  }

  // x-pack/platform/plugins/shared/task_manager/server/lib/bulk_operation_buffer.ts
  // (Kibana: `error: SavedObjectError | estypes.ErrorCause`; both carry these fields where it matters)
  export interface ErrorOutput {
    type: string;
    id: string;
    status?: number;
    error: { error?: string; statusCode?: number; message?: string; reason?: string | null };
  }

  // x-pack/platform/plugins/shared/task_manager/server/task_scheduling.ts
  export interface BulkUpdateTaskResult {
    tasks: ConcreteTaskInstance[];
    errors: ErrorOutput[];
  }

  // x-pack/platform/plugins/shared/task_manager/server/plugin.ts — Pick<TaskScheduling, ...> & Pick<TaskStore, ...>
  // (bulkSchedule, bulkUpdateState, aggregate, bulkGet, bulkRemove, getRegisteredTypes, register* omitted)
  // Semantics the plugin relies on (task_scheduling.ts): bulkUpdateSchedules updates only `idle`
  // tasks whose schedule differs, with runAt = max(scheduledAt + interval, now); a running task is
  // skipped without an error. bulkDisable keeps the state unless asked to clear it. bulkEnable with
  // runSoon (the default) runs a single task at once. ensureScheduled swallows the 409 of an existing
  // task; from 9.3 (PR #238026) it then calls bulkUpdateSchedules with an interval schedule.
  export interface TaskManagerStartContract {
    schedule(
      taskInstance: TaskInstanceWithDeprecatedFields,
      options?: ScheduleOptions
    ): Promise<ConcreteTaskInstance>;
    ensureScheduled(
      taskInstance: TaskInstanceWithId,
      options?: ScheduleOptions
    ): Promise<TaskInstanceWithId>;
    runSoon(taskId: string, force?: boolean): Promise<RunSoonResult>;
    fetch(opts?: SearchOpts, limitResponse?: boolean): Promise<FetchResult>;
    get(id: string): Promise<ConcreteTaskInstance>;
    remove(id: string): Promise<void>;
    removeIfExists(id: string): Promise<void>;
    bulkUpdateSchedules(
      taskIds: string[],
      schedule: IntervalSchedule | RruleSchedule,
      options?: ApiKeyOptions
    ): Promise<BulkUpdateTaskResult>;
    bulkEnable(
      taskIds: string[],
      runSoon?: boolean,
      options?: ApiKeyOptions
    ): Promise<BulkUpdateTaskResult>;
    bulkDisable(
      taskIds: string[],
      clearStateIdsOrBoolean?: string[] | boolean,
      options?: ApiKeyOptions
    ): Promise<BulkUpdateTaskResult>;
  }
}
