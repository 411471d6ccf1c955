import type { BackfillProgress } from '../../common/http_api/connections';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import { collect, type CollectorDeps } from '../lib/collector/collect';
import { wholeSecond, type WindowSettings } from '../lib/collector/windows';
import type { BackfillRequestAttributes } from '../saved_objects/connection_type';
import type { BackfillState } from './collect_task_state';

/**
 * The backfill a run works on: the one its state tracks when the connection still asks for it,
 * else a fresh one for the connection's request (a new request replaces an unfinished one).
 */
export function currentBackfill(
  request: BackfillRequestAttributes | undefined,
  tracked: BackfillState | undefined
): BackfillState | undefined {
  if (!request) return undefined;
  if (tracked?.requestedAt === request.requestedAt) return tracked;
  const start = wholeSecond(Date.parse(request.start));
  return {
    ...request,
    checkpoint: { backfillStart: start, collectedUntil: start },
    documents: 0,
    done: false,
  };
}

/** What the settings page shows; a request the task has not picked up yet has read nothing. */
export function backfillProgress(
  request: BackfillRequestAttributes | undefined,
  tracked: BackfillState | undefined
): BackfillProgress | undefined {
  const backfill = currentBackfill(request, tracked);
  if (!backfill) return undefined;
  const { checkpoint, ...progress } = backfill;
  return {
    ...progress,
    readUntil: backfill.done ? backfill.end : new Date(checkpoint.collectedUntil).toISOString(),
  };
}

export interface BackfillRun {
  backfill: BackfillState;
  /** The run stopped for the budget: when the next request may go out. */
  budgetAvailableAt?: number;
  /** Why reading stopped early; progress up to the last stored page is kept. */
  error?: unknown;
}

/**
 * Reads the backfill's windows until its end or the deadline: the regular collector, bounded at
 * `end` and without re-reads. Documents have deterministic ids, so a range that overlaps what was
 * already collected adds only what is missing.
 */
export async function readBackfill(
  depsSavingTo: (save: (checkpoint: CollectorCheckpoint) => void) => CollectorDeps,
  backfill: BackfillState,
  settings: WindowSettings,
  options: {
    signal: AbortSignal;
    deadline: number;
    now: () => number;
    stillWanted: () => Promise<boolean>;
  }
): Promise<BackfillRun> {
  let checkpoint = backfill.checkpoint;
  let documents = backfill.documents;
  const deps = depsSavingTo((next) => {
    checkpoint = next;
  });
  try {
    const { summary } = await collect(
      deps,
      checkpoint,
      { ...settings, rereadMs: 0, stopAt: Date.parse(backfill.end) },
      {
        signal: options.signal,
        deadline: options.deadline,
        stillWanted: options.stillWanted,
        onPage: (soFar) => {
          documents = backfill.documents + soFar.documentsCreated;
        },
      }
    );
    const done = summary.caughtUp;
    return {
      backfill: {
        ...backfill,
        checkpoint,
        documents,
        done,
        ...(done ? { finishedAt: new Date(options.now()).toISOString() } : {}),
      },
      budgetAvailableAt: summary.budgetAvailableAt,
    };
  } catch (error) {
    return { backfill: { ...backfill, checkpoint, documents }, error };
  }
}
