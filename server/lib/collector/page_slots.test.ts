import { PageSlots } from './page_slots';

/** Whether a promise has settled yet, after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true)
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('PageSlots', () => {
  it('gives out as many slots as its limit, then makes callers wait for a release', async () => {
    const slots = new PageSlots(2);
    const first = await slots.acquire();
    await slots.acquire();
    const third = slots.acquire();
    expect(await settled(third)).toBe(false);
    expect(slots.waiting).toBe(1);
    first.release();
    expect(await settled(third)).toBe(true);
    expect(slots.waiting).toBe(0);
  });

  it('hands slots to waiters in the order they asked, and counts a second release once', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    const order: string[] = [];
    const a = slots.acquire().then((slot) => (order.push('a'), slot));
    const b = slots.acquire().then((slot) => (order.push('b'), slot));
    held.release();
    held.release();
    await settled(a);
    expect(order).toEqual(['a']);
    expect(await settled(b)).toBe(false);
    (await a).release();
    await b;
    expect(order).toEqual(['a', 'b']);
  });

  it('says a slot is contended while someone waits for one', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    expect(held.contended()).toBe(false);
    const waiter = slots.acquire();
    expect(held.contended()).toBe(true);
    held.release();
    expect((await waiter).contended()).toBe(false);
  });

  it('stops a wait when its signal aborts, without taking a slot from the next waiter', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    const stopping = new AbortController();
    const abandoned = slots.acquire(stopping.signal);
    const next = slots.acquire();
    stopping.abort(new Error('The service is stopping'));
    await expect(abandoned).rejects.toThrow('The service is stopping');
    expect(slots.waiting).toBe(1);
    held.release();
    expect(await settled(next)).toBe(true);
  });

  it('refuses at once when the signal has already aborted, even with a slot free', async () => {
    const slots = new PageSlots(1);
    await expect(slots.acquire(AbortSignal.abort(new Error('stopped')))).rejects.toThrow('stopped');
    const slot = await slots.acquire();
    expect(slot.contended()).toBe(false);
  });

  it('needs a limit of at least one', () => {
    expect(() => new PageSlots(0)).toThrow(RangeError);
  });
});
