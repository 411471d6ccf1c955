/**
 * Time source shared by the emulator and (by shape) the collector. Every rule of the emulator
 * that depends on "now" (90-day look-back, end ≤ now, throttle window, Retry-After, token
 * expiry, late-arriving rows, status timelines) reads this clock, so a test can drive time.
 */
import type { Clock } from '../../server/lib/collector/clock';

export { systemClock, type Clock } from '../../server/lib/collector/clock';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

interface Sleeper {
  deadline: number;
  order: number;
  resolve: () => void;
}

export interface AutoAdvanceOptions {
  /**
   * Jump only once at least this many sleepers wait (one per concurrent actor). Without it,
   * any sleeper counts, after `idleMs` of real time in which no sleeper came or went.
   */
  participants?: number;
  /** Real milliseconds of quiet before jumping; lets in-flight I/O register its own sleepers. */
  idleMs?: number;
}

/**
 * A clock that only moves when told to (`advance`, `setTime`), or — in auto-advance mode — jumps
 * straight to the earliest sleeper's deadline once everybody is asleep. That is what lets a
 * 90-day backfill that has to wait out the 5-minute throttle window run in seconds.
 */
export class DrivenClock implements Clock {
  private current: number;
  private readonly sleepers = new Set<Sleeper>();
  private sequence = 0;
  private holds = 0;
  private auto: Required<Pick<AutoAdvanceOptions, 'idleMs'>> & AutoAdvanceOptions;
  private autoEnabled: boolean;
  private autoTimer: NodeJS.Timeout | undefined;

  constructor(startMs: number, options: { autoAdvance?: boolean | AutoAdvanceOptions } = {}) {
    this.current = startMs;
    const auto = options.autoAdvance;
    this.autoEnabled = Boolean(auto);
    this.auto = { idleMs: 2, ...(typeof auto === 'object' ? auto : {}) };
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (ms <= 0) return resolve();
      const sleeper: Sleeper = {
        deadline: this.current + ms,
        order: this.sequence++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers.delete(sleeper);
        this.scheduleAutoAdvance();
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.add(sleeper);
      this.scheduleAutoAdvance();
    });
  }

  advance(ms: number): void {
    this.setTime(this.current + ms);
  }

  /** Moves time (never backwards for sleepers' sake: an earlier time simply wakes nobody). */
  setTime(ms: number): void {
    this.current = ms;
    const due = [...this.sleepers]
      .filter((s) => s.deadline <= ms)
      .sort((a, b) => a.deadline - b.deadline || a.order - b.order);
    for (const sleeper of due) {
      this.sleepers.delete(sleeper);
      sleeper.resolve();
    }
    this.scheduleAutoAdvance();
  }

  /** Number of sleepers currently waiting. */
  get pendingSleepers(): number {
    return this.sleepers.size;
  }

  nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const s of this.sleepers) if (next === undefined || s.deadline < next) next = s.deadline;
    return next;
  }

  setAutoAdvance(enabled: boolean, options?: AutoAdvanceOptions): void {
    this.autoEnabled = enabled;
    if (options) this.auto = { ...this.auto, ...options };
    this.scheduleAutoAdvance();
  }

  /** Blocks auto-advance while real work is in flight; call the returned function to release. */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.scheduleAutoAdvance();
    };
  }

  private scheduleAutoAdvance(): void {
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = undefined;
    if (!this.autoEnabled || this.holds > 0 || this.sleepers.size === 0) return;
    if (this.auto.participants !== undefined && this.sleepers.size < this.auto.participants) return;
    this.autoTimer = setTimeout(() => {
      this.autoTimer = undefined;
      const next = this.nextDeadline();
      if (next !== undefined && this.holds === 0) this.setTime(Math.max(next, this.current));
    }, this.auto.idleMs);
    // A pending jump must never keep a test process alive on its own.
    this.autoTimer.unref();
  }
}
