import { LatestStatusCache, daySlicesOf } from './latest_status_slices';

describe('daySlicesOf', () => {
  const at = (iso: string) => Date.parse(iso);

  it('widens a range to the whole UTC days that hold it', () => {
    expect(daySlicesOf(at('2026-03-01T08:30:00Z'), at('2026-03-02T10:30:00Z'))).toEqual({
      startMs: at('2026-03-01T00:00:00Z'),
      endMs: at('2026-03-03T00:00:00Z'),
    });
  });

  it('keeps the day an end at midnight falls in, as the views include their end', () => {
    expect(daySlicesOf(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toEqual({
      startMs: at('2026-03-01T00:00:00Z'),
      endMs: at('2026-03-03T00:00:00Z'),
    });
  });
});

describe('LatestStatusCache', () => {
  /** The cache's promise (latest_status_slices.ts): no longer than 15 minutes. */
  const TTL_MS = 15 * 60_000;
  /** A day with more rows in flux than this is looked up every time, never held in memory. */
  const MAX_CACHED_ROWS = 2000;
  const DAY1 = Date.parse('2026-03-01T00:00:00Z');
  const DAY2 = Date.parse('2026-03-02T00:00:00Z');
  const source = [
    'logs-x-default',
    [{ terms: { 'exchange_message_trace.connection_id': ['c1'] } }],
  ];

  function setUp() {
    let nowMs = Date.parse('2026-03-03T00:00:00Z');
    const cache = new LatestStatusCache({ now: () => nowMs });
    const lookUps: string[] = [];
    /** Asks for a day; says whose answer came back: which look-up's (cached or fresh). */
    const ask = async (
      startMs: number,
      documents: number,
      inFlux: { pending: number; gettingStatus?: number; recalled?: number } = { pending: 1 },
      from: unknown = source
    ) => {
      const id = `look-up ${lookUps.length + 1}`;
      const rows = (count = 0) => Array.from({ length: count }, (_, i) => `${id}|${i}`);
      const answer = await cache.answer({ source: from, startMs, documents }, async () => {
        lookUps.push(id);
        return {
          pending: rows(inFlux.pending),
          gettingStatus: rows(inFlux.gettingStatus),
          recalled: rows(inFlux.recalled),
          complete: true,
        };
      });
      return answer.pending[0]?.split('|')[0];
    };
    return { ask, lookUps, advance: (ms: number) => (nowMs += ms) };
  }

  it('keeps a day while its document count is unchanged, and only that day', async () => {
    const { ask, lookUps } = setUp();
    expect(await ask(DAY1, 40)).toBe('look-up 1');
    expect(await ask(DAY1, 40)).toBe('look-up 1');
    expect(await ask(DAY2, 40)).toBe('look-up 2');
    expect(await ask(DAY1, 40, { pending: 1 }, ['logs-x-other', []])).toBe('look-up 3');
    expect(lookUps).toEqual(['look-up 1', 'look-up 2', 'look-up 3']);
  });

  it('looks a day up again once its document count changes; other days stay answered', async () => {
    const { ask } = setUp();
    await ask(DAY1, 40);
    await ask(DAY2, 7);
    expect(await ask(DAY1, 41)).toBe('look-up 3');
    expect(await ask(DAY1, 41)).toBe('look-up 3');
    expect(await ask(DAY2, 7)).toBe('look-up 2');
  });

  it('keeps an answer no longer than 15 minutes', async () => {
    const { ask, advance } = setUp();
    await ask(DAY1, 40);
    advance(TTL_MS - 1);
    expect(await ask(DAY1, 40)).toBe('look-up 1');
    advance(1);
    expect(await ask(DAY1, 40)).toBe('look-up 2');
  });

  it('keeps a day with up to 2000 rows in flux of any kind, and not one row more', async () => {
    const { ask } = setUp();
    const atTheLimit = { pending: 1000, gettingStatus: 600, recalled: MAX_CACHED_ROWS - 1600 };
    expect(await ask(DAY1, 9000, atTheLimit)).toBe('look-up 1');
    expect(await ask(DAY1, 9000, atTheLimit)).toBe('look-up 1');
    const overTheLimit = { ...atTheLimit, recalled: atTheLimit.recalled + 1 };
    expect(await ask(DAY2, 9000, overTheLimit)).toBe('look-up 2');
    expect(await ask(DAY2, 9000, overTheLimit)).toBe('look-up 3');
  });
});
