import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * "20 minutes", "36 hours", "4 days", "6.5 days": under two days in hours and under an hour in
 * minutes, so a short span never reads "0 days".
 */
export function durationText(milliseconds: number): string {
  if (milliseconds < HOUR_MS)
    return plural(Math.max(1, Math.round(milliseconds / MINUTE_MS)), 'minute');
  if (milliseconds < 2 * DAY_MS) return plural(Math.round(milliseconds / HOUR_MS), 'hour');
  return plural(Math.round((milliseconds / DAY_MS) * 10) / 10, 'day');
}
