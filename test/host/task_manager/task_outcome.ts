import type { ConcreteTaskInstance, RunResult, TaskStatus } from '@kbn/task-manager-plugin/server';
import { parseDuration } from './duration';

export interface RetryPolicy {
  maxAttempts: number;
  /** Task Manager waits `attempts × 5m` before retrying a failed one-off task. */
  retryDelayMs: number;
}

/** What to do with a task after a run: save it as given, or delete it. */
export type TaskOutcome = { kind: 'save'; instance: ConcreteTaskInstance } | { kind: 'delete' };

function after(start: Date, interval: string) {
  return new Date(start.getTime() + parseDuration(interval));
}

/** A finished run: new state; recurring tasks run again an interval after they started. */
export function successOutcome(
  task: ConcreteTaskInstance,
  result: RunResult | undefined | void,
  now: Date
): TaskOutcome {
  if (result?.shouldDeleteTask) return { kind: 'delete' };
  const schedule =
    (result?.schedule as { interval: string } | undefined) ??
    (task.schedule as { interval: string } | undefined);
  const runAt =
    result?.runAt ?? (schedule ? after(task.startedAt ?? now, schedule.interval) : undefined);
  if (!runAt) return { kind: 'delete' };
  return {
    kind: 'save',
    instance: {
      ...task,
      state: result?.state ?? task.state,
      schedule,
      runAt,
      status: 'idle' as TaskStatus,
      attempts: 0,
      startedAt: null,
      retryAt: null,
      ownerId: null,
      enabled: result?.shouldDisableTask ? false : task.enabled,
    },
  };
}

/**
 * A failed or timed-out run keeps the previous state. Recurring tasks always come back on their
 * interval; one-off tasks retry until maxAttempts, then stay as `failed`.
 */
export function failureOutcome(
  task: ConcreteTaskInstance,
  policy: RetryPolicy,
  now: Date
): TaskOutcome {
  const schedule = task.schedule as { interval: string } | undefined;
  const base = { ...task, startedAt: null, retryAt: null, ownerId: null };
  if (schedule) {
    return {
      kind: 'save',
      instance: { ...base, status: 'idle' as TaskStatus, runAt: after(now, schedule.interval) },
    };
  }
  if (task.attempts < policy.maxAttempts) {
    const runAt = new Date(now.getTime() + task.attempts * policy.retryDelayMs);
    return { kind: 'save', instance: { ...base, status: 'idle' as TaskStatus, runAt } };
  }
  return { kind: 'save', instance: { ...base, status: 'failed' as TaskStatus } };
}

/**
 * The fields a finished run writes back (task_runner.ts processResultForRecurringTask): never
 * `enabled`, unless the run itself asked to be disabled, and never params.
 */
export function runWriteback(instance: ConcreteTaskInstance): Partial<ConcreteTaskInstance> {
  const { status, runAt, state, schedule, attempts, startedAt, retryAt, ownerId } = instance;
  return {
    status,
    runAt,
    state,
    schedule,
    attempts,
    startedAt,
    retryAt,
    ownerId,
    ...(instance.enabled === false ? { enabled: false } : {}),
  };
}
