import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../../../common/time';
const UNIT_MS: Record<string, number> = {
  s: SECOND_MS,
  m: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
};

/** `90s`, `5m`, `24h`, `2d`: how settings and flags spell durations. */
export function parseDurationMs(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) throw new Error(`"${value}" is not a duration like 30s, 5m, 24h or 2d`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
