const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Task Manager's interval and timeout strings: `30s`, `5m`, `1h`, `1d`. */
export function parseDuration(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match)
    throw new Error(`Invalid interval "${value}". Intervals must be of the form {number}s|m|h|d`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
