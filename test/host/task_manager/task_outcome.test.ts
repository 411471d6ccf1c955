/*
 * What a run writes back, rule by rule, per Kibana's
 * x-pack/platform/plugins/shared/task_manager/server/task_running/task_runner.ts @ 006b838e and
 * lib/get_next_run_at.ts @ 0c4e871d. Times are exact: the clock is passed in.
 */
import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import {
  decideWriteback,
  getNextRunAt,
  returned,
  threw,
  type WritebackContext,
} from './task_outcome';

const at = (time: string) => new Date(`2026-11-24T${time}Z`);
const now = at('12:00:00');
const lifecycleReset = { startedAt: null, retryAt: null, ownerId: null };

/** A task as claimed a minute ago, due then, on its first attempt. */
const claimed = (overrides: Partial<ConcreteTaskInstance> = {}) =>
  ({
    id: 't',
    taskType: 'x',
    params: {},
    state: { cursor: 1 },
    runAt: at('11:59:00'),
    scheduledAt: at('11:59:00'),
    startedAt: at('11:59:00'),
    retryAt: at('12:04:00'),
    attempts: 1,
    status: 'running',
    ownerId: 'me',
    enabled: true,
    ...overrides,
  }) as ConcreteTaskInstance;

const recurring = (overrides: Partial<ConcreteTaskInstance> = {}) =>
  claimed({ schedule: { interval: '5m' }, ...overrides });

const context = (task: ConcreteTaskInstance, overrides: Partial<WritebackContext> = {}) => ({
  task,
  timeout: '10m',
  maxAttempts: 3,
  pollIntervalMs: 3000,
  retryDelay: (attempts: number) => attempts * 60_000,
  now,
  ...overrides,
});

describe('a successful run', () => {
  it('of a recurring task writes its state, the next run an interval on, and attempts 0', () => {
    expect(decideWriteback(returned({ state: { cursor: 2 } }), context(recurring()))).toEqual({
      writeback: {
        kind: 'update',
        fields: {
          runAt: at('12:04:00'),
          state: { cursor: 2 },
          schedule: { interval: '5m' },
          attempts: 0,
          status: 'idle',
          ...lifecycleReset,
        },
      },
      expired: false,
      disabledItself: false,
    });
  });

  it('that returns nothing writes an empty state', () => {
    const { writeback } = decideWriteback(returned(undefined), context(recurring()));
    expect(writeback).toMatchObject({ kind: 'update', fields: { state: {} } });
  });

  it('takes runAt or a new schedule from the result', () => {
    const task = recurring();
    expect(
      decideWriteback(returned({ state: {}, runAt: at('12:00:30') }), context(task)).writeback
    ).toMatchObject({ fields: { runAt: at('12:00:30'), schedule: { interval: '5m' } } });
    expect(
      decideWriteback(returned({ state: {}, schedule: { interval: '1h' } }), context(task))
        .writeback
    ).toMatchObject({ fields: { runAt: at('12:59:00'), schedule: { interval: '1h' } } });
  });

  it('of a one-off task deletes it, expired or not; one that returns runAt stays', () => {
    expect(decideWriteback(returned({ state: {} }), context(claimed())).writeback).toEqual({
      kind: 'delete',
    });
    expect(
      decideWriteback(returned({ state: {} }), context(claimed(), { timeout: '30s' })).writeback
    ).toEqual({ kind: 'delete' });
    expect(
      decideWriteback(returned({ state: { n: 1 }, runAt: at('13:00:00') }), context(claimed()))
        .writeback
    ).toEqual({
      kind: 'update',
      fields: {
        runAt: at('13:00:00'),
        state: { n: 1 },
        attempts: 0,
        status: 'idle',
        ...lifecycleReset,
      },
    });
  });

  it('that asks to be deleted deletes the task, even when expired', () => {
    const result = returned({ state: {}, shouldDeleteTask: true });
    expect(decideWriteback(result, context(recurring())).writeback).toEqual({ kind: 'delete' });
    expect(decideWriteback(result, context(recurring(), { timeout: '30s' })).writeback).toEqual({
      kind: 'delete',
    });
  });

  it('that asks to disable its task writes only idle and disabled: no state, no runAt', () => {
    expect(
      decideWriteback(
        returned({ state: { cursor: 9 }, runAt: at('12:30:00'), shouldDisableTask: true }),
        context(recurring({ attempts: 2 }))
      )
    ).toEqual({
      writeback: { kind: 'update', fields: { status: 'idle', ...lifecycleReset, enabled: false } },
      expired: false,
      disabledItself: true,
    });
  });
});

describe('a failed run', () => {
  it('returned with an error keeps its state, runAt and schedule, and the attempts', () => {
    const result = returned({
      error: new Error('boom'),
      state: { cursor: 5 },
      runAt: at('12:10:00'),
    });
    expect(decideWriteback(result, context(recurring({ attempts: 2 }))).writeback).toEqual({
      kind: 'update',
      fields: {
        runAt: at('12:10:00'),
        state: { cursor: 5 },
        schedule: { interval: '5m' },
        attempts: 2,
        status: 'idle',
        ...lifecycleReset,
      },
    });
  });

  it('that threw keeps the state from before the run; a recurring task comes back on its interval', () => {
    const task = recurring({ attempts: 7 });
    expect(decideWriteback(threw(new Error('boom'), task), context(task)).writeback).toEqual({
      kind: 'update',
      fields: {
        runAt: at('12:04:00'),
        state: { cursor: 1 },
        schedule: { interval: '5m' },
        attempts: 7,
        status: 'idle',
        ...lifecycleReset,
      },
    });
  });

  it('of a one-off task retries after the retry delay while attempts are left, else deletes it', () => {
    const second = claimed({ attempts: 2 });
    expect(decideWriteback(threw(new Error('boom'), second), context(second)).writeback).toEqual({
      kind: 'update',
      fields: {
        runAt: at('12:02:00'),
        state: { cursor: 1 },
        attempts: 2,
        status: 'idle',
        ...lifecycleReset,
      },
    });
    const last = claimed({ attempts: 3 });
    expect(decideWriteback(threw(new Error('boom'), last), context(last)).writeback).toEqual({
      kind: 'delete',
    });
  });

  it('of an expired one-off task is not retried: the task is deleted', () => {
    const task = claimed({ attempts: 1 });
    expect(
      decideWriteback(threw(new Error('boom'), task), context(task, { timeout: '30s' })).writeback
    ).toEqual({ kind: 'delete' });
  });
});

describe('a run whose result comes after startedAt + timeout', () => {
  it('puts a task whose interval is longer than the timeout back to idle, without its state', () => {
    expect(
      decideWriteback(returned({ state: { cursor: 2 } }), context(recurring(), { timeout: '30s' }))
    ).toEqual({
      writeback: {
        kind: 'update',
        fields: { status: 'idle', runAt: at('12:04:00'), ...lifecycleReset },
      },
      expired: true,
      disabledItself: false,
    });
  });

  it('writes nothing for a task whose interval is not longer than its timeout', () => {
    const task = recurring({ schedule: { interval: '30s' } });
    for (const end of [returned({ state: { cursor: 2 } }), threw(new Error('boom'), task)]) {
      expect(decideWriteback(end, context(task, { timeout: '30s' }))).toEqual({
        writeback: { kind: 'none' },
        expired: true,
        disabledItself: false,
      });
    }
  });

  it('is not expired at exactly startedAt + timeout', () => {
    const task = recurring({ startedAt: at('11:59:30') });
    expect(
      decideWriteback(returned({ state: {} }), context(task, { timeout: '30s' })).expired
    ).toBe(false);
  });
});

describe('getNextRunAt', () => {
  const schedule = { interval: '5m' };

  it('counts from when the run was due if it started within a poll interval, else from its start', () => {
    const due = { runAt: at('11:59:00'), startedAt: at('11:59:02') };
    expect(getNextRunAt(due, schedule, 3000, now)).toEqual(at('12:04:00'));
    const late = { runAt: at('11:59:00'), startedAt: at('11:59:03') };
    expect(getNextRunAt(late, schedule, 3000, now)).toEqual(at('12:04:03'));
  });

  it('never returns a time in the past', () => {
    const long = { runAt: at('11:00:00'), startedAt: at('11:00:00') };
    expect(getNextRunAt(long, schedule, 3000, now)).toEqual(now);
  });
});
