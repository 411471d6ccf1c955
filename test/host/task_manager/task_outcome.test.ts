import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { failureOutcome, successOutcome } from './task_outcome';

const now = new Date('2026-11-24T12:00:00Z');
const task = (overrides: Partial<ConcreteTaskInstance> = {}) =>
  ({
    id: 't',
    taskType: 'x',
    params: {},
    state: { cursor: 1 },
    runAt: now,
    scheduledAt: now,
    startedAt: new Date('2026-11-24T11:59:00Z'),
    retryAt: null,
    attempts: 1,
    status: 'running',
    ownerId: 'me',
    ...overrides,
  }) as ConcreteTaskInstance;
const policy = { maxAttempts: 3, retryDelayMs: 60_000 };

describe('task outcomes', () => {
  it('runs a recurring task again one interval after it started, with the new state', () => {
    const outcome = successOutcome(
      task({ schedule: { interval: '5m' } }),
      { state: { cursor: 2 } },
      now
    );
    expect(outcome).toMatchObject({
      kind: 'save',
      instance: {
        state: { cursor: 2 },
        status: 'idle',
        attempts: 0,
        runAt: new Date('2026-11-24T12:04:00Z'),
      },
    });
  });

  it('honours runAt from the result (catch-up runs)', () => {
    const outcome = successOutcome(
      task({ schedule: { interval: '5m' } }),
      { state: {}, runAt: now },
      now
    );
    expect(outcome).toMatchObject({ kind: 'save', instance: { runAt: now } });
  });

  it('deletes a finished one-off task, or any task that asks for it', () => {
    expect(successOutcome(task(), { state: {} }, now)).toEqual({ kind: 'delete' });
    expect(
      successOutcome(
        task({ schedule: { interval: '5m' } }),
        { state: {}, shouldDeleteTask: true },
        now
      )
    ).toEqual({ kind: 'delete' });
  });

  it('keeps the state of a failed run; recurring tasks come back on their interval', () => {
    const outcome = failureOutcome(
      task({ schedule: { interval: '5m' }, attempts: 9 }),
      policy,
      now
    );
    expect(outcome).toMatchObject({
      kind: 'save',
      instance: { state: { cursor: 1 }, status: 'idle', runAt: new Date('2026-11-24T12:05:00Z') },
    });
  });

  it('retries one-off tasks with a growing delay until maxAttempts', () => {
    expect(failureOutcome(task({ attempts: 2 }), policy, now)).toMatchObject({
      instance: { status: 'idle', runAt: new Date('2026-11-24T12:02:00Z') },
    });
    expect(failureOutcome(task({ attempts: 3 }), policy, now)).toMatchObject({
      instance: { status: 'failed' },
    });
  });
});
