import { DrivenClock, systemClock } from './clock';

describe('DrivenClock', () => {
  it('wakes sleepers when time passes their deadline, in deadline order', async () => {
    const clock = new DrivenClock(1000);
    const woke: string[] = [];
    const a = clock.sleep(500).then(() => woke.push('a'));
    const b = clock.sleep(200).then(() => woke.push('b'));
    clock.advance(100);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(150);
    await b;
    expect(woke).toEqual(['b']);
    clock.setTime(1500);
    await a;
    expect(woke).toEqual(['b', 'a']);
    expect(clock.now()).toBe(1500);
  });

  it('rejects an aborted sleep', async () => {
    const clock = new DrivenClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingSleepers).toBe(0);
  });

  it('auto-advances to the earliest deadline once everybody sleeps', async () => {
    const clock = new DrivenClock(0, { autoAdvance: true });
    const started = Date.now();
    for (let i = 0; i < 20; i++) await clock.sleep(5 * 60_000); // 100 minutes of clock time
    expect(clock.now()).toBe(100 * 60_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('auto-advance with participants waits for all of them', async () => {
    const clock = new DrivenClock(0, { autoAdvance: { participants: 2 } });
    let done = false;
    const first = clock.sleep(1000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    const second = clock.sleep(3000);
    await first;
    expect(clock.now()).toBe(1000);
    clock.advance(2000);
    await second;
  });

  it('systemClock sleeps for real', async () => {
    const before = systemClock.now();
    await systemClock.sleep(20);
    expect(systemClock.now() - before).toBeGreaterThanOrEqual(15);
  });
});
