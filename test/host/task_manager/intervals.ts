import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time';
/*
 * Task Manager's interval strings (`30s`, `5m`, `1h`, `1d`), as Task Manager reads them.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/lib/intervals.ts @ 457869aa
 */
const CADENCE_MS: Record<string, number> = {
  s: 1000,
  m: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
};

// An integer of digits only, above zero, then one cadence: `1.5h`, `15 days`, `0m`, `5M` all fail.
export function isInterval(interval: string): boolean {
  const digits = interval.slice(0, -1);
  return interval.slice(-1) in CADENCE_MS && /^\d+$/.test(digits) && parseInt(digits, 10) > 0;
}

export function parseIntervalAsMillisecond(interval: string): number {
  if (!isInterval(interval)) {
    throw new Error(
      `Invalid interval "${interval}". Intervals must be of the form {number}m. Example: 5m.`
    );
  }
  return parseInt(interval.slice(0, -1), 10) * CADENCE_MS[interval.slice(-1)]!;
}
