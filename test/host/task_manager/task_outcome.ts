/*
 * What a finished run writes back to its task, as Task Manager decides it.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_running/task_runner.ts @ 006b838e
 * (run, validateResult, processResult, processResultForRecurringTask, rescheduleFailedRun,
 * shouldTryToScheduleRetry, shouldUpdateExpiredTask), lib/get_next_run_at.ts @ 0c4e871d.
 */
import type {
  ConcreteTaskInstance,
  IntervalSchedule,
  RunResult,
  RruleSchedule,
  SuccessfulRunResult,
  TaskStatus,
} from '@kbn/task-manager-plugin/server';
import type { RetryDelay } from './get_retry_at';
import { parseIntervalAsMillisecond } from './intervals';

type Schedule = IntervalSchedule | RruleSchedule;

interface FailedRun {
  error: unknown;
  state?: Record<string, unknown>;
  runAt?: Date;
  schedule?: Schedule;
}

/** How a run ended: a success, or a failure (returned with a truthy `error`, or thrown). */
export type RunEnd = { ok: true; result: SuccessfulRunResult } | { ok: false; result: FailedRun };

/** A returned object with a truthy `error` fails but keeps its state, runAt and schedule. */
export function returned(result: RunResult | undefined | void): RunEnd {
  if (result && (result as { error?: unknown }).error) {
    return { ok: false, result: result as FailedRun };
  }
  return { ok: true, result: result || { state: {} } };
}

/** A throw fails with the state the run started from. */
export function threw(error: unknown, task: ConcreteTaskInstance): RunEnd {
  return { ok: false, result: { error, state: task.state } };
}

export type Writeback =
  | { kind: 'delete' }
  /** Fields written with the version of the task as claimed; undefined ones are left alone. */
  | { kind: 'update'; fields: Partial<ConcreteTaskInstance> }
  | { kind: 'none' };

export interface WritebackDecision {
  writeback: Writeback;
  /** The result came after startedAt + timeout (taskManagerUpdateSkippedDueToTaskExpiration). */
  expired: boolean;
  /** The run asked to disable its task, and that is written. */
  disabledItself: boolean;
}

export interface WritebackContext {
  /** The task as claimed: running, startedAt set, attempts counted. */
  task: ConcreteTaskInstance;
  timeout: string;
  maxAttempts: number;
  pollIntervalMs: number;
  retryDelay: RetryDelay;
  now: Date;
}

const IDLE = 'idle' as TaskStatus;
const RUN_LIFECYCLE_RESET = { startedAt: null, retryAt: null, ownerId: null };

function isExpired(task: ConcreteTaskInstance, timeout: string, now: Date) {
  return task.startedAt!.getTime() + parseIntervalAsMillisecond(timeout) < now.getTime();
}

/**
 * An interval after the run was due when it started within a poll interval of that, else after
 * it started; never in the past.
 */
export function getNextRunAt(
  { runAt, startedAt }: Pick<ConcreteTaskInstance, 'runAt' | 'startedAt'>,
  schedule: Schedule | undefined,
  pollIntervalMs: number,
  now: Date
): Date {
  const interval = (schedule as IntervalSchedule | undefined)?.interval;
  if (!interval) throw new Error('The host runs tasks on interval schedules only');
  const from = startedAt!.getTime() - runAt.getTime() < pollIntervalMs ? runAt : startedAt!;
  return new Date(Math.max(from.getTime() + parseIntervalAsMillisecond(interval), now.getTime()));
}

interface NextRun {
  state?: Record<string, unknown>;
  runAt?: Date;
  schedule?: Schedule;
  attempts: number;
  shouldDeleteTask?: boolean;
  shouldDisableTask?: boolean;
}

/**
 * A failed run is retried when its task recurs, or (not expired) has attempts left; it keeps its
 * attempts. Undefined when no retry is possible: the task has failed.
 */
function retryOf(failure: FailedRun, context: WritebackContext, expired: boolean) {
  const { task, now } = context;
  if (!task.schedule && (expired || task.attempts >= context.maxAttempts)) return undefined;
  const reschedule: Pick<NextRun, 'runAt' | 'schedule'> = failure.runAt
    ? { runAt: failure.runAt }
    : failure.schedule
      ? { schedule: failure.schedule }
      : task.schedule
        ? { schedule: task.schedule }
        : { runAt: new Date(now.getTime() + context.retryDelay(task.attempts)) };
  return { state: failure.state, attempts: task.attempts, ...reschedule };
}

function shouldUpdateExpiredTask(task: ConcreteTaskInstance, timeout: string) {
  const interval = (task.schedule as IntervalSchedule | undefined)?.interval;
  return !!interval && parseIntervalAsMillisecond(interval) > parseIntervalAsMillisecond(timeout);
}

export function decideWriteback(end: RunEnd, context: WritebackContext): WritebackDecision {
  const { task, now } = context;
  const expired = isExpired(task, context.timeout, now);
  const decision = (writeback: Writeback, disabledItself = false) => ({
    writeback,
    expired,
    disabledItself,
  });

  // A success that neither recurs nor asks for another run is done: deleted, expired or not.
  if (end.ok && !(end.result.runAt || end.result.schedule || task.schedule)) {
    return decision({ kind: 'delete' });
  }
  const next: NextRun | undefined = end.ok
    ? { ...end.result, attempts: 0 }
    : retryOf(end.result, context, expired);
  // Failed for good, or asked to be deleted: deleted even when expired.
  if (!next || next.shouldDeleteTask) return decision({ kind: 'delete' });

  const schedule = next.schedule ?? task.schedule;
  const fields: Partial<ConcreteTaskInstance> = next.shouldDisableTask
    ? { status: IDLE }
    : {
        runAt: next.runAt || getNextRunAt(task, schedule, context.pollIntervalMs, now),
        state: next.state,
        schedule,
        attempts: next.attempts,
        status: IDLE,
      };

  if (expired) {
    // The run outlived its timeout: its state is dropped; only a task whose interval is longer
    // than the timeout is put back to idle, any other stays running until retryAt.
    return decision(
      shouldUpdateExpiredTask(task, context.timeout)
        ? { kind: 'update', fields: { status: IDLE, runAt: fields.runAt, ...RUN_LIFECYCLE_RESET } }
        : { kind: 'none' }
    );
  }
  return decision(
    {
      kind: 'update',
      fields: {
        ...fields,
        ...RUN_LIFECYCLE_RESET,
        ...(next.shouldDisableTask ? { enabled: false } : {}),
      },
    },
    !!next.shouldDisableTask
  );
}
