import type { Clock } from '../collector/clock';
import { TtlCache } from './ttl_cache';
import { DAY_MS } from '../../../common/time';

/** Days remembered across every view and scope: 90 days of a few scopes. */
const CACHED_DAYS = 500;
/**
 * A day is remembered only while it holds few rows in flight or recalled (it usually holds tens):
 * a day stuck with thousands is looked up every time rather than held in Kibana's memory.
 */
const MAX_CACHED_ROWS = 2000;
/** A day's answer is kept while its document count stays the same, and no longer than this. */
const CACHE_TTL_MS = 15 * 60_000;

/** What one day's look-up found: rows still in flight per transient status, and recalled rows. */
export interface SliceAnswer {
  pending: string[];
  gettingStatus: string[];
  recalled: string[];
  /** False when more rows were in flux than one look-up examines. */
  complete: boolean;
}

/** The whole UTC days that hold [startMs, endMs]: end exclusive. */
export function daySlicesOf(startMs: number, endMs: number) {
  return {
    startMs: Math.floor(startMs / DAY_MS) * DAY_MS,
    endMs: Math.floor(endMs / DAY_MS) * DAY_MS + DAY_MS,
  };
}

/**
 * Days already looked up. The key names the day and its document count: observations are only
 * ever added, so a new one anywhere in the day (a run, a re-read, a backfill, an import) makes a
 * new key, and the other days stay answered.
 */
export class LatestStatusCache {
  private readonly days: TtlCache<SliceAnswer>;

  constructor(clock: Pick<Clock, 'now'>) {
    this.days = new TtlCache(clock, CACHED_DAYS);
  }

  async answer(key: string, lookUp: () => Promise<SliceAnswer>): Promise<SliceAnswer> {
    const rows = (answer: SliceAnswer) =>
      answer.pending.length + answer.gettingStatus.length + answer.recalled.length;
    const ttl = (answer: SliceAnswer) => (rows(answer) <= MAX_CACHED_ROWS ? CACHE_TTL_MS : 0);
    return (await this.days.getOrLoad(key, lookUp, ttl)).value;
  }
}
