import type { CollectorCheckpoint, CollectorPass } from '../../../common/collector_checkpoint';
import { MAX_WINDOW_MS } from '../graph/graph_client';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../../../common/time';

export const MAX_LOOKBACK_MS = 90 * DAY_MS;
/** Graph refuses a start older than 90 days; keep clear of the edge while a window is read. */
const RETENTION_MARGIN_MS = HOUR_MS;

export interface WindowSettings {
  /** How far back the first run reads (default 2 days, at most 90). */
  lookbackMs: number;
  /** The trailing span re-read for late rows and status changes (default 24 h). */
  rereadMs: number;
  /** How often that span is re-read. */
  rereadEveryMs: number;
  /** Collection is caught up when it has read to within this of now. */
  settleMs: number;
  /** A backfill's end: windows stop here, and collection is caught up once it is read. */
  stopAt?: number;
}

export const DEFAULT_WINDOW_SETTINGS: WindowSettings = {
  lookbackMs: 2 * DAY_MS,
  rereadMs: DAY_MS,
  rereadEveryMs: 30 * MINUTE_MS,
  settleMs: MINUTE_MS,
};

/**
 * Graph's filter takes whole seconds (`YYYY-MM-DDThh:mm:ssZ`): a bound with milliseconds would be
 * read from the second before it, so a checkpoint would not say what was read.
 */
export const wholeSecond = (ms: number) => Math.floor(ms / SECOND_MS) * SECOND_MS;

/** The oldest start Graph still serves, with the margin. */
export function retentionFloor(now: number) {
  return Math.ceil((now - MAX_LOOKBACK_MS + RETENTION_MARGIN_MS) / SECOND_MS) * SECOND_MS;
}

export function initialCheckpoint(now: number, settings: WindowSettings): CollectorCheckpoint {
  const start = Math.max(
    wholeSecond(now - Math.min(settings.lookbackMs, MAX_LOOKBACK_MS)),
    retentionFloor(now)
  );
  return { backfillStart: start, collectedUntil: start };
}

/**
 * The window to read next: the one in progress; else the next ≤10-day window of new data (up to
 * `stopAt` when set); else, when due, the trailing re-read; else nothing (caught up).
 */
export function nextPass(
  checkpoint: CollectorCheckpoint,
  now: number,
  settings: WindowSettings
): CollectorPass | undefined {
  if (checkpoint.pass) return checkpoint.pass;
  // Checkpoints saved before windows were whole seconds may hold milliseconds.
  const from = Math.max(wholeSecond(checkpoint.collectedUntil), retentionFloor(now));
  // A bound in the past has settled; without one, the last minute is left for the next run.
  const readTo = wholeSecond(
    settings.stopAt === undefined ? now - settings.settleMs : Math.min(settings.stopAt, now)
  );
  if (from < readTo) {
    const end = wholeSecond(Math.min(from + MAX_WINDOW_MS, now, settings.stopAt ?? now));
    return { kind: 'collect', start: from, end };
  }
  const rereadDue =
    checkpoint.lastRereadAt === undefined ||
    now - checkpoint.lastRereadAt >= settings.rereadEveryMs;
  if (settings.rereadMs <= 0 || !rereadDue) return undefined;
  const end = wholeSecond(checkpoint.collectedUntil);
  const start = Math.max(
    wholeSecond(checkpoint.backfillStart),
    retentionFloor(now),
    end - Math.min(settings.rereadMs, MAX_WINDOW_MS)
  );
  return start < end ? { kind: 'reread', start, end } : undefined;
}

export function withPageRead(
  checkpoint: CollectorCheckpoint,
  pass: CollectorPass,
  nextLink: string | undefined,
  now: number
): CollectorCheckpoint {
  if (nextLink) return { ...checkpoint, pass: { ...pass, nextLink } };
  const { pass: _done, ...rest } = checkpoint;
  return pass.kind === 'collect'
    ? { ...rest, collectedUntil: pass.end }
    : { ...rest, lastRereadAt: now };
}

/** Windows of new data still to read, counting the one in progress; data younger than settleMs is not behind. */
export function windowsLeft(
  checkpoint: CollectorCheckpoint,
  now: number,
  settleMs = DEFAULT_WINDOW_SETTINGS.settleMs
): number {
  const readTo = Math.max(checkpoint.collectedUntil, checkpoint.pass?.end ?? 0);
  const pending = Math.max(0, now - settleMs - readTo);
  return Math.ceil(pending / MAX_WINDOW_MS) + (checkpoint.pass ? 1 : 0);
}
