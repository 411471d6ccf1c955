const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `5m`, `24h`, `2d`: how settings and flags spell durations. */
export function parseDurationMs(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) throw new Error(`"${value}" is not a duration like 30s, 5m, 24h or 2d`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
