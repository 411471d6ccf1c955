/** A turn to hold Graph pages and their documents in memory; `release` ends it (once). */
export interface PageSlot {
  release(): void;
  /** Others wait for a turn: the holder should hand this one back after its page. */
  contended(): boolean;
}

export interface PageSlotSource {
  /** Resolves with a slot once one is free; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<PageSlot>;
}

interface Waiter {
  grant(slot: PageSlot): void;
}

/**
 * How many tenants of one process may hold a page at once, so memory does not grow with the
 * number of tenants: each holder has at most a page being stored and the next one read ahead.
 * Slots go to waiters in the order they asked.
 */
export class PageSlots implements PageSlotSource {
  private free: number;
  private readonly waiters: Waiter[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be at least 1');
    this.free = limit;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  acquire(signal?: AbortSignal): Promise<PageSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve(this.slot());
    }
    return new Promise<PageSlot>((resolve, reject) => {
      const onAbort = () => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        grant: (slot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot);
        },
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private slot(): PageSlot {
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        const next = this.waiters.shift();
        // Handed straight to the next waiter, so a newcomer cannot take it in between.
        if (next) next.grant(this.slot());
        else this.free += 1;
      },
      contended: () => this.waiters.length > 0,
    };
  }
}
