import type { Clock } from '../collector/clock';
import { GraphError } from './graph_error';
import { MINUTE_MS } from '../../../common/time';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injectable so tests and chaos runs are reproducible. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: MINUTE_MS,
  random: Math.random,
};

/** Retry-After when Microsoft sends it; otherwise exponential backoff with full jitter. */
export function retryDelayMs(error: GraphError, attempt: number, policy: RetryPolicy): number {
  if (error.details.retryAfterMs !== undefined) return error.details.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + policy.random() / 2));
}

/** Runs `attempt` until it succeeds, fails for a reason a retry cannot fix, or attempts run out. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: {
    clock: Clock;
    policy: RetryPolicy;
    signal?: AbortSignal;
    onRetry?: (error: GraphError, delayMs: number) => void;
  }
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof GraphError) || !error.transient) throw error;
      if (attemptNumber >= options.policy.maxAttempts) throw error;
      const delay = retryDelayMs(error, attemptNumber, options.policy);
      options.onRetry?.(error, delay);
      await options.clock.sleep(delay, options.signal);
    }
  }
}
