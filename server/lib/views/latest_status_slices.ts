import type { Clock } from '../collector/clock';
import { TtlCache } from './ttl_cache';
import { DAY_MS, MINUTE_MS } from '../../../common/time';

/** Days remembered across every view and scope: 90 days of a few scopes. */
const CACHED_DAYS = 500;
/**
 * A day is remembered only while it holds few rows in flight or recalled (it usually holds tens):
 * a day stuck with thousands is looked up every time rather than held in Kibana's memory.
 */
const MAX_CACHED_ROWS = 2000;
/** A day's answer is kept while its document count stays the same, and no longer than this. */
const CACHE_TTL_MS = 15 * MINUTE_MS;

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

/** One UTC day of a view, as the cache tells days apart. */
export interface CachedDay {
  /** Where the day's rows are read: the index and the scope's source filters. */
  source: unknown;
  startMs: number;
  /** Observations the day holds now. */
  documents: number;
}

/**
 * Days already looked up. A day's entry names the day and its document count: observations are
 * only ever added, so a new one anywhere in the day (a run, a re-read, a backfill, an import)
 * changes the count and the day is looked up again, while the other days stay answered.
 */
export class LatestStatusCache {
  private readonly days: TtlCache<SliceAnswer>;

  constructor(clock: Pick<Clock, 'now'>) {
    this.days = new TtlCache(clock, CACHED_DAYS);
  }

  async answer(day: CachedDay, lookUp: () => Promise<SliceAnswer>): Promise<SliceAnswer> {
    const key = JSON.stringify([day.source, day.startMs, day.documents]);
    const rows = (answer: SliceAnswer) =>
      answer.pending.length + answer.gettingStatus.length + answer.recalled.length;
    const ttl = (answer: SliceAnswer) => (rows(answer) <= MAX_CACHED_ROWS ? CACHE_TTL_MS : 0);
    return (await this.days.getOrLoad(key, lookUp, ttl)).value;
  }
}
