/*
 * How a run's result is written back, against a real Elasticsearch. Per Kibana's
 * x-pack/platform/plugins/shared/task_manager/server/task_running/task_runner.ts @ 006b838e:
 * onto the version the claim wrote, so a write to the task meanwhile loses the result.
 */
import type { TaskInstance, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { KibanaHost } from '../kibana_host';
import { startTestHost, waitFor } from '../test_support';
import {
  GATED_TASK_TYPE,
  gatedTaskPlugin,
  RunGate,
  SHORT_GATED_TASK_TYPE,
} from './gated_task_plugin';

const HOUR = 3_600_000;

describe('host Task Manager: run results', () => {
  let host: KibanaHost;
  let taskManager: TaskManagerStartContract;
  const gate = new RunGate();

  beforeAll(async () => {
    host = await startTestHost({ plugins: [gatedTaskPlugin(gate)] });
    taskManager = await host.taskManagerStart();
  });

  afterAll(async () => {
    gate.endAll();
    await host.stop();
  });

  /** Schedules a gated task (hourly, state { n: 0 }) and waits for its run to start. */
  async function startGated(id: string, task: Partial<TaskInstance> = {}) {
    await taskManager.schedule({
      id,
      taskType: GATED_TASK_TYPE,
      schedule: { interval: '1h' },
      params: {},
      state: { n: 0 },
      ...task,
    });
    await waitFor(() => gate.run(id), { what: `a run of ${id}` });
    return taskManager.get(id);
  }

  const idle = (id: string) =>
    waitFor(async () => {
      const current = await taskManager.get(id);
      return current.status === 'idle' ? current : undefined;
    });

  const logged = (level: string, message: string) =>
    waitFor(
      () => host.logSink.lines.find((line) => line.level === level && line.message === message),
      { what: `the log line "${message}"` }
    );

  const deleted = (id: string) =>
    waitFor(
      () =>
        taskManager.get(id).then(
          () => undefined,
          () => true
        ),
      { what: `deletion of ${id}` }
    );

  it('claims a recurring task until the later of its interval and its timeout (at most 5m)', async () => {
    const hourly = await startGated(`retry-at-hourly-${Date.now()}`);
    expect(hourly.status).toBe('running');
    expect(hourly.attempts).toBe(1);
    expect(hourly.retryAt!.getTime() - hourly.startedAt!.getTime()).toBe(HOUR);
    const minutely = await startGated(`retry-at-minutely-${Date.now()}`, {
      schedule: { interval: '1m' },
    });
    // The gated type's timeout is 5m.
    expect(minutely.retryAt!.getTime() - minutely.startedAt!.getTime()).toBe(5 * 60_000);
    for (const task of [hourly, minutely]) {
      gate.end(task.id, { state: {} });
      await idle(task.id);
      await taskManager.removeIfExists(task.id);
    }
  });

  it('loses the result of a run whose task was disabled meanwhile: it stays running until retryAt', async () => {
    const id = `disable-running-${Date.now()}`;
    const claimed = await startGated(id);
    expect((await taskManager.bulkDisable([id])).tasks).toHaveLength(1);
    gate.end(id, { state: { n: 1 } });
    await logged(
      'warn',
      `Task ${GATED_TASK_TYPE} "${id}" failed in attempt to run: Saved object [task/${id}] conflict`
    );
    const task = await taskManager.get(id);
    expect(task).toMatchObject({
      status: 'running',
      enabled: false,
      state: { n: 0 },
      attempts: 1,
      startedAt: claimed.startedAt,
      retryAt: claimed.retryAt,
    });
    expect(task.retryAt!.getTime()).toBe(claimed.startedAt!.getTime() + HOUR);
    await taskManager.removeIfExists(id);
  });

  it('writes nothing back for a task removed while it ran', async () => {
    const id = `remove-running-${Date.now()}`;
    await startGated(id);
    await taskManager.removeIfExists(id);
    gate.end(id, { state: { n: 1 } });
    await logged(
      'debug',
      `Task ${GATED_TASK_TYPE} "${id}" failed in attempt to run: Saved object [task/${id}] not found`
    );
    await expect(taskManager.get(id)).rejects.toThrow(`Saved object [task/${id}] not found`);
  });

  it('keeps the state and runAt of a result with an error, and the attempts', async () => {
    const id = `returned-error-${Date.now()}`;
    await startGated(id);
    const runAt = new Date(Date.now() + 2 * HOUR);
    gate.end(id, { error: new Error('upstream said no'), state: { n: 5 }, runAt });
    const task = await idle(id);
    expect(task).toMatchObject({ state: { n: 5 }, runAt, attempts: 1, startedAt: null });
    await taskManager.removeIfExists(id);
  });

  it('keeps the state from before a run that threw, and counts attempts until a run succeeds', async () => {
    const id = `threw-${Date.now()}`;
    // Due a minute ago, more than a poll interval: the next run counts from the start.
    const first = await startGated(id, { runAt: new Date(Date.now() - 60_000) });
    gate.end(id, { throw: new Error('crashed') });
    const failed = await idle(id);
    expect(failed).toMatchObject({ state: { n: 0 }, attempts: 1, schedule: { interval: '1h' } });
    expect(failed.runAt.getTime()).toBe(first.startedAt!.getTime() + HOUR);

    await taskManager.runSoon(id);
    await waitFor(() => gate.run(id), { what: 'the second run' });
    expect((await taskManager.get(id)).attempts).toBe(2);
    gate.end(id, { state: { n: 1 } });
    const succeeded = await idle(id);
    expect(succeeded).toMatchObject({ state: { n: 1 }, attempts: 0 });
    await taskManager.removeIfExists(id);
  });

  it('disables a task that asks for it without saving its state or runAt', async () => {
    const id = `self-disable-${Date.now()}`;
    const claimed = await startGated(id);
    gate.end(id, { state: { n: 9 }, runAt: new Date(), shouldDisableTask: true });
    const task = await idle(id);
    expect(task).toMatchObject({ enabled: false, state: { n: 0 }, runAt: claimed.runAt });
    await logged(
      'warn',
      `Disabling task ${GATED_TASK_TYPE}:${id} as it indicated it should disable itself`
    );
    await taskManager.removeIfExists(id);
  });

  it('drops the state of a result that comes after the timeout, and puts an hourly task back to idle', async () => {
    const id = `expired-${Date.now()}`;
    // Due a minute ago, more than a poll interval: the next run counts from the start.
    const claimed = await startGated(id, {
      taskType: SHORT_GATED_TASK_TYPE,
      runAt: new Date(Date.now() - 60_000),
    });
    await waitFor(() => gate.run(id)?.cancelled, { what: 'the expired run to be cancelled' });
    gate.end(id, { state: { n: 7 } });
    const task = await idle(id);
    expect(task).toMatchObject({ state: { n: 0 }, startedAt: null, retryAt: null });
    expect(task.runAt.getTime()).toBe(claimed.startedAt!.getTime() + HOUR);
    await taskManager.removeIfExists(id);
  });

  it('deletes a task that asks for it, even after the run expired', async () => {
    const id = `expired-delete-${Date.now()}`;
    await startGated(id, { taskType: SHORT_GATED_TASK_TYPE });
    await waitFor(() => gate.run(id)?.cancelled, { what: 'the expired run to be cancelled' });
    gate.end(id, { state: { n: 1 }, shouldDeleteTask: true });
    await deleted(id);
  });
});
