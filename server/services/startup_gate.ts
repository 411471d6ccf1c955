import type { Logger } from '@kbn/core/server';
import type { Clock } from '../lib/collector/clock';
import { MINUTE_MS, SECOND_MS } from '../../common/time';

/** The plugin cannot serve yet (503); the message says why and when it tries again. */
export class ServiceUnavailableError extends Error {}

export interface StartupGateOptions {
  clock: Pick<Clock, 'now'>;
  logger: Logger;
  /** How long a caller waits for a start in progress before being told it is not ready. */
  waitMs?: number;
  /** First retry delay; it doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

type GateState<T> =
  | { kind: 'starting'; attempt: number }
  | { kind: 'failed'; attempt: number; reason: string; retryAt: number }
  | { kind: 'ready'; services: T }
  | { kind: 'stopped' };

/**
 * The plugin's services, available once `start` (installing its Elasticsearch templates) has
 * succeeded. A failed start is retried with backoff until it succeeds, so the plugin recovers when
 * Elasticsearch does, without a restart; meanwhile callers are answered at once with the reason
 * instead of waiting for Kibana's socket timeout.
 */
export class StartupGate<T> {
  private state: GateState<T> = { kind: 'starting', attempt: 1 };
  private readonly listeners = new Set<() => void>();
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly waitMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly start: () => Promise<T>,
    private readonly options: StartupGateOptions
  ) {
    this.waitMs = options.waitMs ?? SECOND_MS / 2;
    this.retryDelayMs = options.retryDelayMs ?? SECOND_MS;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? MINUTE_MS;
  }

  /** Starts the first attempt; later ones follow by themselves. */
  open(): void {
    void this.attempt(1);
  }

  private async attempt(attempt: number) {
    this.state = { kind: 'starting', attempt };
    try {
      const services = await this.start();
      if (this.stopped) return;
      this.state = { kind: 'ready', services };
      if (attempt > 1) this.options.logger.info(`Started after ${attempt} attempts`);
    } catch (error) {
      if (this.stopped) return;
      const delay = Math.min(this.retryDelayMs * 2 ** (attempt - 1), this.maxRetryDelayMs);
      const reason = (error as Error).message;
      this.state = { kind: 'failed', attempt, reason, retryAt: this.options.clock.now() + delay };
      this.options.logger.error(
        `Starting failed (attempt ${attempt}): ${reason}; trying again in ${delay / 1000} s`
      );
      this.retryTimer = setTimeout(() => void this.attempt(attempt + 1), delay);
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** The services, or a ServiceUnavailableError after at most `waitMs` while starting. */
  async services(): Promise<T> {
    if (this.state.kind === 'starting') await this.settledOrTimeout();
    const state = this.state;
    if (state.kind === 'ready') return state.services;
    throw new ServiceUnavailableError(this.reason());
  }

  /** Why the plugin is not ready, for 503 answers and the status page; undefined once it is. */
  reason(): string | undefined {
    const state = this.state;
    if (state.kind === 'ready') return undefined;
    if (state.kind === 'stopped') return 'Exchange Message Trace is stopping';
    if (state.kind === 'starting') {
      return `Exchange Message Trace is starting: installing its Elasticsearch templates (attempt ${state.attempt})`;
    }
    return (
      `Exchange Message Trace could not install its Elasticsearch templates (attempt ` +
      `${state.attempt}): ${state.reason}. It tries again at ${new Date(state.retryAt).toISOString()}.`
    );
  }

  private settledOrTimeout(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.waitMs);
      this.listeners.add(done);
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.state = { kind: 'stopped' };
    for (const listener of [...this.listeners]) listener();
  }
}
