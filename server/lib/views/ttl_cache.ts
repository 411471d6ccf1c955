import type { Clock } from '../collector/clock';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A small least-recently-used cache whose entries expire, with loads of the same key shared while
 * in flight: two analysts opening the same trail cost one Graph request, not two.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly maxEntries: number
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-inserted so the Map's order stays least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `ttlMs`; a ttl of 0 or less keeps nothing (and evicts nothing). */
  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    if (ttlMs <= 0) return;
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /** The cached value, or `load`'s (cached for `ttlMs(value)`); a failed load caches nothing. */
  async getOrLoad(key: string, load: () => Promise<V>, ttlMs: (value: V) => number) {
    const cached = this.get(key);
    if (cached !== undefined) return { value: cached, cached: true };
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load().then((value) => {
        this.set(key, value, ttlMs(value));
        return value;
      });
      this.loading.set(key, pending);
      pending.then(
        () => this.loading.delete(key),
        () => this.loading.delete(key)
      );
    }
    return { value: await pending, cached: false };
  }
}
