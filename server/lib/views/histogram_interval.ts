import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time';

/** Fixed intervals a histogram may use (auto_date_histogram is a module some clusters lack). */
const INTERVALS = [
  MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  7 * DAY_MS,
  30 * DAY_MS,
];

export const MAX_HISTOGRAM_BUCKETS = 60;

/** The smallest interval that splits the range into at most MAX_HISTOGRAM_BUCKETS buckets. */
export function histogramIntervalMs(startMs: number, endMs: number): number {
  const span = Math.max(endMs - startMs, 1);
  return (
    INTERVALS.find((interval) => span / interval <= MAX_HISTOGRAM_BUCKETS) ??
    INTERVALS[INTERVALS.length - 1]!
  );
}

/** Elasticsearch's fixed_interval syntax, in whole minutes (every interval above is one). */
export function fixedInterval(intervalMs: number): string {
  return `${Math.round(intervalMs / MINUTE_MS)}m`;
}
