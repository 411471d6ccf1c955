import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { KibanaHost } from '../kibana_host';
import { SAMPLE_TASK_TYPE, samplePlugin, sampleTaskEvents } from '../fixtures/sample_plugin';
import { startTestHost, waitFor } from '../test_support';

const eventsOf = (taskId: string) => sampleTaskEvents.filter((event) => event.taskId === taskId);

describe('host Task Manager', () => {
  let host: KibanaHost;
  let taskManager: TaskManagerStartContract;

  beforeAll(async () => {
    host = await startTestHost({ plugins: [samplePlugin] });
    taskManager = await host.taskManagerStart();
  });

  afterAll(async () => {
    await host.stop();
  });

  it('runs a task twice on its interval, carrying its state over', async () => {
    const id = `interval-${Date.now()}`;
    await taskManager.ensureScheduled({
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1s' },
      params: {},
      state: { count: 0 },
    });
    const started = Date.now();
    await waitFor(() => eventsOf(id).length >= 2 || undefined, { what: 'two runs' });
    expect(eventsOf(id).slice(0, 2)).toEqual([
      { taskId: id, event: 'run', count: 1 },
      { taskId: id, event: 'run', count: 2 },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const stored = await waitFor(async () => {
      const task = await taskManager.get(id);
      return task.status === 'idle' && Number(task.state.count) >= 2 ? task : undefined;
    });
    expect(stored.schedule).toEqual({ interval: '1s' });
    await taskManager.removeIfExists(id);
  });

  it('cancels a run that outlives its timeout, drops its late result and reschedules', async () => {
    const id = `hang-${Date.now()}`;
    await taskManager.schedule({
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1m' },
      params: { hang: true },
      state: { count: 7 },
    });
    await waitFor(() => eventsOf(id).find((event) => event.event === 'cancel'), { what: 'cancel' });
    const task = await waitFor(async () => {
      const current = await taskManager.get(id);
      return current.status === 'idle' ? current : undefined;
    });
    expect(task.state).toEqual({ count: 7 });
    expect(task.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await taskManager.removeIfExists(id);
  });

  it('refuses runSoon while the task runs, and runs it at once otherwise', async () => {
    const id = `soon-${Date.now()}`;
    await taskManager.schedule({
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      params: { hang: true },
      state: {},
    });
    await waitFor(() => eventsOf(id).length > 0 || undefined, { what: 'first run' });
    await expect(taskManager.runSoon(id)).rejects.toThrow(
      `Failed to run task "${id}" as it is currently running`
    );
    await waitFor(async () => ((await taskManager.get(id)).status === 'idle' ? true : undefined));
    await taskManager.runSoon(id);
    await waitFor(
      () => eventsOf(id).filter((event) => event.event === 'run').length >= 2 || undefined,
      { what: 'second run' }
    );
    await taskManager.removeIfExists(id);
  });

  it('forces runSoon of a running task only when no run of it is in this node', async () => {
    const hanging = `force-pool-${Date.now()}`;
    await taskManager.schedule({
      id: hanging,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      params: { hang: true },
      state: {},
    });
    await waitFor(() => eventsOf(hanging).length > 0 || undefined, { what: 'the run' });
    await expect(taskManager.runSoon(hanging, true)).rejects.toThrow(
      `Failed to run task "${hanging}" as it is currently running and cannot be forced`
    );
    await taskManager.removeIfExists(hanging);

    // Claimed, as far as its document says, by a run no node has any more (its result was lost).
    const orphan = `force-orphan-${Date.now()}`;
    await taskManager.schedule({
      id: orphan,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      runAt: new Date(Date.now() + 3_600_000),
      params: {},
      state: { count: 0 },
    });
    const now = Date.now();
    await host.elasticsearch.internalClient.update({
      index: host.taskManager.index,
      id: `task:${orphan}`,
      doc: {
        task: {
          status: 'running',
          startedAt: new Date(now).toISOString(),
          retryAt: new Date(now + 3_600_000).toISOString(),
          ownerId: 'kibana:gone',
        },
      },
      refresh: true,
    });
    await expect(taskManager.runSoon(orphan)).rejects.toThrow(
      `Failed to run task "${orphan}" as it is currently running`
    );
    expect(await taskManager.runSoon(orphan, true)).toEqual({ id: orphan, forced: true });
    await waitFor(() => eventsOf(orphan).length > 0 || undefined, { what: 'the forced run' });
    expect(eventsOf(orphan)).toEqual([{ taskId: orphan, event: 'run', count: 1 }]);
    await taskManager.removeIfExists(orphan);
  });

  it('retries a failing one-off task up to maxAttempts, then deletes it', async () => {
    const id = `fail-${Date.now()}`;
    await taskManager.schedule({
      id,
      taskType: SAMPLE_TASK_TYPE,
      params: { fail: true },
      state: {},
    });
    await waitFor(
      () =>
        taskManager.get(id).then(
          () => undefined,
          () => true
        ),
      { what: 'deletion' }
    );
    expect(eventsOf(id).filter((event) => event.event === 'run')).toHaveLength(2);
    expect(
      host.logSink.lines.filter(
        (line) => line.message === `Task ${SAMPLE_TASK_TYPE} "${id}" failed: Error: sample failure`
      )
    ).toHaveLength(2);
  });

  it('deletes a one-off task once it succeeded', async () => {
    const id = `once-${Date.now()}`;
    await taskManager.schedule({ id, taskType: SAMPLE_TASK_TYPE, params: {}, state: {} });
    await waitFor(
      async () => {
        try {
          await taskManager.get(id);
          return undefined;
        } catch {
          return true;
        }
      },
      { what: 'deletion' }
    );
    expect(eventsOf(id)).toEqual([{ taskId: id, event: 'run', count: 1 }]);
  });

  it('ensureScheduled keeps the state of an existing task and, as from 9.3, updates an idle interval', async () => {
    const id = `ensure-${Date.now()}`;
    const task = {
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      params: {},
      state: { count: 0 },
    };
    await taskManager.ensureScheduled(task);
    const ran = await waitFor(async () => {
      const current = await taskManager.get(id);
      return current.status === 'idle' && current.state.count === 1 ? current : undefined;
    });
    await taskManager.ensureScheduled({ ...task, schedule: { interval: '2h' }, state: {} });
    const updated = await taskManager.get(id);
    expect(updated.state).toEqual({ count: 1 });
    expect(updated.schedule).toEqual({ interval: '2h' });
    expect(updated.runAt.getTime()).toBe(ran.scheduledAt.getTime() + 2 * 3_600_000);
    await taskManager.removeIfExists(id);
  });

  it('bulkUpdateSchedules skips a running task without an error, and reports a missing one', async () => {
    const id = `resched-${Date.now()}`;
    await taskManager.schedule({
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      params: { hang: true },
      state: {},
    });
    await waitFor(async () =>
      (await taskManager.get(id)).status === 'running' ? true : undefined
    );
    const result = await taskManager.bulkUpdateSchedules([id, 'missing-task'], { interval: '5m' });
    expect(result.tasks).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        id: 'missing-task',
        error: expect.objectContaining({ statusCode: 404 }),
      }),
    ]);
    await waitFor(async () => ((await taskManager.get(id)).status === 'idle' ? true : undefined));
    expect((await taskManager.get(id)).schedule).toEqual({ interval: '1h' });
    await taskManager.removeIfExists(id);
  });

  it('bulkDisable keeps the state and stops runs, even when due; bulkEnable runs the task at once', async () => {
    const id = `toggle-${Date.now()}`;
    await taskManager.schedule({
      id,
      taskType: SAMPLE_TASK_TYPE,
      schedule: { interval: '1h' },
      params: {},
      state: { count: 4 },
    });
    await waitFor(() => eventsOf(id).length === 1 || undefined, { what: 'first run' });
    await waitFor(async () => ((await taskManager.get(id)).status === 'idle' ? true : undefined));
    const disabled = await taskManager.bulkDisable([id]);
    expect(disabled.tasks.map((task) => [task.id, task.enabled, task.state])).toEqual([
      [id, false, { count: 5 }],
    ]);
    await taskManager.runSoon(id);
    await host.taskManager.nextPollCycle();
    expect(eventsOf(id)).toHaveLength(1);

    const enabled = await taskManager.bulkEnable([id]);
    expect(enabled.tasks[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    await waitFor(() => eventsOf(id).length === 2 || undefined, { what: 'a run after enabling' });
    expect(eventsOf(id)[1]).toEqual({ taskId: id, event: 'run', count: 6 });
    expect((await taskManager.bulkEnable([id])).tasks).toEqual([]);
    await taskManager.removeIfExists(id);
  });

  it('rejects unknown task types and malformed intervals', async () => {
    await expect(taskManager.schedule({ taskType: 'nope', params: {}, state: {} })).rejects.toThrow(
      'Unsupported task type "nope"'
    );
    await expect(
      taskManager.schedule({
        taskType: SAMPLE_TASK_TYPE,
        schedule: { interval: 'soon' },
        params: {},
        state: {},
      })
    ).rejects.toThrow('Invalid interval');
  });
});
