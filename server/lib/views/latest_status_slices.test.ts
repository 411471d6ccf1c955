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
  const answer = (inFlight: number) => ({
    pending: Array.from({ length: inFlight }, (_, i) => `row-${i}`),
    gettingStatus: [],
    recalled: [],
    complete: true,
  });

  it('remembers a day with few rows in flux, not one with thousands', async () => {
    const cache = new LatestStatusCache({ now: () => 0 });
    let lookUps = 0;
    const lookUp = (inFlight: number) => async () => {
      lookUps += 1;
      return answer(inFlight);
    };
    await cache.answer('quiet day', lookUp(3));
    await cache.answer('quiet day', lookUp(3));
    expect(lookUps).toBe(1);
    await cache.answer('stuck day', lookUp(2001));
    await cache.answer('stuck day', lookUp(2001));
    expect(lookUps).toBe(3);
  });
});
