import { TtlCache } from './ttl_cache';

function manualClock(start = 0) {
  const clock = { time: start, now: () => clock.time };
  return clock;
}

describe('TtlCache', () => {
  it('serves a value until it expires', () => {
    const clock = manualClock();
    const cache = new TtlCache<string>(clock, 10);
    cache.set('a', 'one', 1000);
    clock.time = 999;
    expect(cache.get('a')).toBe('one');
    clock.time = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets the least recently used entry first', () => {
    const cache = new TtlCache<number>(manualClock(), 2);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.get('a');
    cache.set('c', 3, 1000);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('shares a load in flight, caches its value for the ttl it picks, and never a failure', async () => {
    const cache = new TtlCache<string>(manualClock(), 10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return 'trail';
    };
    const [first, second] = await Promise.all([
      cache.getOrLoad('k', load, () => 500),
      cache.getOrLoad('k', load, () => 500),
    ]);
    expect(loads).toBe(1);
    expect([first, second]).toEqual([
      { value: 'trail', cached: false },
      { value: 'trail', cached: false },
    ]);
    expect(await cache.getOrLoad('k', load, () => 500)).toEqual({ value: 'trail', cached: true });

    expect(await cache.getOrLoad('big', load, () => 0)).toEqual({ value: 'trail', cached: false });
    expect(await cache.getOrLoad('big', load, () => 0)).toEqual({ value: 'trail', cached: false });
    expect(cache.get('k')).toBe('trail');

    const failing = () => Promise.reject(new Error('throttled'));
    await expect(cache.getOrLoad('x', failing, () => 500)).rejects.toThrow('throttled');
    expect(await cache.getOrLoad('x', load, () => 500)).toEqual({ value: 'trail', cached: false });
  });
});
