import * as t from 'io-ts';
import { isRight } from 'fp-ts/Either';
import { collectorCheckpointCodec } from '../../common/collector_checkpoint';
import { connectionStatusCodec } from '../../common/connection_status';

/**
 * Versioned like Task Manager's stateSchemaByVersion (which needs config-schema at runtime): each
 * version has a codec, and older states are brought up to the current one before a run.
 */
export const COLLECT_TASK_STATE_VERSION = 1;

const stateV1 = t.intersection([
  t.type({ version: t.literal(1), status: connectionStatusCodec }),
  t.partial({ checkpoint: collectorCheckpointCodec }),
]);

export type CollectTaskState = t.TypeOf<typeof stateV1>;

export const emptyTaskState = (): CollectTaskState => ({
  version: COLLECT_TASK_STATE_VERSION,
  status: {},
});

/** A state this version cannot read starts over; ids make re-reading the lookback harmless. */
export function upgradeTaskState(raw: Record<string, unknown>): CollectTaskState {
  const current = stateV1.decode(raw);
  return isRight(current) ? current.right : emptyTaskState();
}
