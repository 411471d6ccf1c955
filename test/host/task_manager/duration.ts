import { parseDurationMs } from '../../../server/lib/collector/duration';

/** Task Manager's interval and timeout strings: `30s`, `5m`, `1h`, `1d`. */
export function parseDuration(value: string): number {
  try {
    return parseDurationMs(value);
  } catch {
    throw new Error(`Invalid interval "${value}". Intervals must be of the form {number}s|m|h|d`);
  }
}
