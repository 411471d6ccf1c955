/*
 * When a claimed task may be claimed again, and how long a failed one waits.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/lib/get_retry_at.ts @ 50d695cd
 */
import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { parseIntervalAsMillisecond } from './intervals';
import { HOUR_MS, MINUTE_MS } from '../../../common/time';

const FIVE_MINUTES_MS = 5 * MINUTE_MS;

/** Milliseconds a failed task waits before its next attempt, given its attempts so far. */
export type RetryDelay = (attempts: number) => number;

/** 30 s after the first attempt, then a random wait up to 5 m · 2^(attempts-2), at most an hour. */
export const calculateDelayBasedOnAttempts: RetryDelay = (attempts) => {
  if (attempts === 1) return 30 * 1000;
  const ceiling = Math.min(HOUR_MS, FIVE_MINUTES_MS * Math.pow(2, attempts - 2));
  return Math.floor(Math.random() * (ceiling + 1));
};

/** A recurring task runs under its type's timeout; a one-off task may override it. */
export function getTimeout(task: ConcreteTaskInstance, definitionTimeout: string): string {
  if (task.schedule) return definitionTimeout;
  return task.timeoutOverride ? task.timeoutOverride : definitionTimeout;
}

/**
 * Set when the task is claimed (`task` is the task before the claim): a recurring task after its
 * interval or its timeout (at most 5 m), whichever is later; a one-off task after the delay of
 * its next attempt plus that timeout.
 */
export function getRetryAt(
  task: ConcreteTaskInstance,
  timeout: string,
  now: Date,
  retryDelay: RetryDelay
): Date {
  const timeoutMs = Math.min(parseIntervalAsMillisecond(timeout), FIVE_MINUTES_MS);
  if (task.schedule) {
    const interval = (task.schedule as { interval?: string }).interval;
    const intervalMs = interval ? parseIntervalAsMillisecond(interval) : 0;
    return new Date(now.getTime() + Math.max(intervalMs, timeoutMs));
  }
  return new Date(now.getTime() + retryDelay(task.attempts + 1) + timeoutMs);
}
