import { MAX_HISTOGRAM_BUCKETS, fixedInterval, histogramIntervalMs } from './histogram_interval';

const HOUR = 3_600_000;

describe('histogramIntervalMs', () => {
  it.each([
    [15 * 60_000, 60_000],
    [HOUR, 60_000],
    [24 * HOUR, 30 * 60_000],
    [3 * 24 * HOUR, 3 * HOUR],
    [7 * 24 * HOUR, 3 * HOUR],
    [30 * 24 * HOUR, 12 * HOUR],
    [90 * 24 * HOUR, 7 * 24 * HOUR],
  ])('a span of %i ms gets %i ms buckets, at most the maximum of them', (span, interval) => {
    expect(histogramIntervalMs(0, span)).toBe(interval);
    expect(span / interval).toBeLessThanOrEqual(MAX_HISTOGRAM_BUCKETS);
  });

  it('writes whole minutes', () => {
    expect(fixedInterval(3 * HOUR)).toBe('180m');
  });
});
