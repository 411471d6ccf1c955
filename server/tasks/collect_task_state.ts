import * as t from 'io-ts';
import { isRight } from 'fp-ts/Either';
import { collectorCheckpointCodec } from '../../common/collector_checkpoint';
import { connectionStatusCodec } from '../../common/connection_status';

/**
 * Versioned like Task Manager's stateSchemaByVersion (which needs config-schema at runtime): each
 * version has a codec, and older states are brought up to the current one before a run.
 */
export const COLLECT_TASK_STATE_VERSION = 2;

const stateV1 = t.intersection([
  t.type({ version: t.literal(1), status: connectionStatusCodec }),
  t.partial({ checkpoint: collectorCheckpointCodec }),
]);

/** A backfill's progress: which request it serves, where its own reading stands, what it added. */
export const backfillStateCodec = t.intersection([
  t.type({
    start: t.string,
    end: t.string,
    requestedAt: t.string,
    checkpoint: collectorCheckpointCodec,
    documents: t.number,
    done: t.boolean,
  }),
  t.partial({ finishedAt: t.string }),
]);

export type BackfillState = t.TypeOf<typeof backfillStateCodec>;

/**
 * v2 adds the backfill's progress, and the tenant the checkpoint belongs to: a run that finishes
 * after the tenant changed may still write its state back, and the next run must not continue it.
 */
const stateV2 = t.intersection([
  t.type({ version: t.literal(2), status: connectionStatusCodec }),
  t.partial({
    checkpoint: collectorCheckpointCodec,
    tenantId: t.string,
    backfill: backfillStateCodec,
  }),
]);

export type CollectTaskState = t.TypeOf<typeof stateV2>;

export const emptyTaskState = (): CollectTaskState => ({
  version: COLLECT_TASK_STATE_VERSION,
  status: {},
});

/** A state this version cannot read starts over; ids make re-reading the lookback harmless. */
export function upgradeTaskState(raw: Record<string, unknown>): CollectTaskState {
  const current = stateV2.decode(raw);
  if (isRight(current)) return current.right;
  const v1 = stateV1.decode(raw);
  return isRight(v1) ? { ...v1.right, version: COLLECT_TASK_STATE_VERSION } : emptyTaskState();
}

/** The state as a run continues it: a checkpoint of another tenant is not continued. */
export function taskStateFor(raw: Record<string, unknown>, tenantId: string): CollectTaskState {
  const state = upgradeTaskState(raw);
  return state.tenantId === undefined || state.tenantId === tenantId ? state : emptyTaskState();
}
