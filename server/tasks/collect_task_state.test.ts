import { COLLECT_TASK_STATE_VERSION, taskStateFor, upgradeTaskState } from './collect_task_state';

const checkpoint = { backfillStart: 1000, collectedUntil: 2000 };
const tenantId = '00000000-0000-4000-8000-000000000001';

describe('collection task state', () => {
  it('brings a version 1 state up to the current version, keeping checkpoint and status', () => {
    expect(upgradeTaskState({ version: 1, status: { documentsTotal: 7 }, checkpoint })).toEqual({
      version: COLLECT_TASK_STATE_VERSION,
      status: { documentsTotal: 7 },
      checkpoint,
    });
  });

  it('starts over from a state it cannot read', () => {
    expect(upgradeTaskState({ version: 9, checkpoint })).toEqual({
      version: COLLECT_TASK_STATE_VERSION,
      status: {},
    });
  });

  it('does not continue the checkpoint of another tenant', () => {
    const state = { version: COLLECT_TASK_STATE_VERSION, status: {}, checkpoint, tenantId };
    expect(taskStateFor(state, tenantId)).toEqual(state);
    expect(taskStateFor(state, 'contoso.onmicrosoft.com')).toEqual({
      version: COLLECT_TASK_STATE_VERSION,
      status: {},
    });
  });
});
