/**
 * Message trace throttling (reference A6): 100 requests per rolling 5 minutes per tenant, list and
 * detail calls sharing the budget. A rejected request does not use budget, and Retry-After (whole
 * seconds, rounded up) is exactly when the oldest admitted request leaves the window.
 */
import type { Clock } from './clock';

export interface ThrottleOptions {
  limit: number;
  windowMs: number;
}

export const MESSAGE_TRACE_THROTTLE: ThrottleOptions = { limit: 100, windowMs: 5 * 60_000 };

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class RollingWindowThrottle {
  private readonly admitted = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly options: ThrottleOptions
  ) {}

  admit(tenantId: string): Admission {
    const now = this.clock.now();
    const times = this.prune(tenantId, now);
    if (times.length >= this.options.limit) {
      const waitMs = times[times.length - this.options.limit]! + this.options.windowMs - now;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    times.push(now);
    return { admitted: true };
  }

  /** Requests of the tenant still inside the window. */
  used(tenantId: string): number {
    return this.prune(tenantId, this.clock.now()).length;
  }

  reset(): void {
    this.admitted.clear();
  }

  private prune(tenantId: string, now: number): number[] {
    const times = this.admitted.get(tenantId) ?? [];
    const cutoff = now - this.options.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= cutoff) drop++;
    if (drop > 0) times.splice(0, drop);
    this.admitted.set(tenantId, times);
    return times;
  }
}
