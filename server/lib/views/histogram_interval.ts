const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fixed intervals a histogram may use (auto_date_histogram is a module some clusters lack). */
const INTERVALS = [
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
  30 * DAY,
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
  return `${Math.round(intervalMs / MINUTE)}m`;
}
