import { Client } from '@elastic/elasticsearch';
import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { CONNECTION_DEFAULTS, type ConnectionSettings } from '../../common/connection';
import type { ConnectionStatus } from '../../common/connection_status';
import { addSettledTenant, CHAOS_CLIENT_ID, CHAOS_SECRET } from '../../test/collector/chaos_tenant';
import { compareWithTruth } from '../../test/collector/observations';
import type { GraphEmulator } from '../../test/graph_emulator';
import { startEmulatedGraphHost } from '../../test/host/emulated_graph_host';
import { grantWriterKey } from '../../test/secured/writer_key';
import type { KibanaHost } from '../../test/host/kibana_host';
import { esUrl, waitFor } from '../../test/host/test_support';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../saved_objects/connection_type';
import { collectTaskId, scheduleCollectTask } from './collect_task';
import type { CollectTaskState } from './collect_task_state';

describe('the collection task in Task Manager', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;
  let taskManager: TaskManagerStartContract;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    taskManager = host.taskManagerStart();
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  async function createConnection(settings: Partial<ConnectionSettings>, clientSecret: string) {
    const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
    const now = new Date().toISOString();
    const saved = await repository.create(CONNECTION_SAVED_OBJECT_TYPE, {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso',
      clientId: CHAOS_CLIENT_ID,
      authMethod: 'secret',
      localDomains: ['contoso.com'],
      lookbackDays: 1,
      ...settings,
      clientSecret,
      ...(await grantWriterKey()),
      createdAt: now,
      updatedAt: now,
    });
    return saved.id;
  }

  async function settledState(connectionId: string, done: (status: ConnectionStatus) => boolean) {
    return waitFor(
      async () => {
        const task = await taskManager.get(collectTaskId(connectionId));
        const state = task.state as CollectTaskState;
        return task.status === 'idle' && done(state.status ?? {}) ? { task, state } : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 200, what: 'the task to settle' }
    );
  }

  it('collects a connection until caught up, records its status, and a second run adds nothing', async () => {
    const tenantId = addSettledTenant(emulator, 7001, 600, Date.now());
    const namespace = `task${Date.now()}`;
    const connectionId = await createConnection({ tenantId, namespace }, CHAOS_SECRET);
    await scheduleCollectTask(taskManager, connectionId, 5);

    const { task, state } = await settledState(connectionId, (status) => status.caughtUp === true);
    expect(task.schedule).toEqual({ interval: '5m' });
    const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
    const result = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream,
      checkpoint: state.checkpoint!,
    });
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    expect(state.status).toMatchObject({
      documentsTotal: result.expected,
      rowsRejectedTotal: 0,
      windowsDone: 1,
      windowsLeft: 0,
      // Collection's part of the default budget of 60: a fifth is kept for on-demand requests.
      budgetLimit: 48,
    });
    expect(state.status.budgetUsed).toBeGreaterThan(0);
    expect(state.status.lastError).toBeUndefined();

    // The secret is ciphertext at rest and appears nowhere in the task.
    expect(JSON.stringify(task)).not.toContain(CHAOS_SECRET);
    const raw = await es.get({
      index: host.savedObjects.index,
      id: `${CONNECTION_SAVED_OBJECT_TYPE}:${connectionId}`,
    });
    expect(JSON.stringify(raw._source)).not.toContain(CHAOS_SECRET);
    expect(host.logSink.lines.map((line) => line.message).join('\n')).not.toContain(CHAOS_SECRET);

    await taskManager.runSoon(collectTaskId(connectionId));
    const again = await settledState(
      connectionId,
      (status) => status.lastRunAt !== state.status.lastRunAt
    );
    expect(again.state.status).toMatchObject({
      documentsLastRun: 0,
      documentsTotal: result.expected,
    });
  });

  it('records a wrong secret as the connection status, with Entra error, and keeps the checkpoint', async () => {
    const tenantId = addSettledTenant(emulator, 7002, 100, Date.now());
    const connectionId = await createConnection(
      { tenantId, namespace: `wrong${Date.now()}` },
      'not-the-secret'
    );
    await scheduleCollectTask(taskManager, connectionId, 5);
    const { state } = await settledState(connectionId, (status) => status.lastError !== undefined);
    expect(state.status.lastError).toMatchObject({ kind: 'authentication' });
    expect(state.status.lastError!.message).toContain('AADSTS7000215');
    expect(state.checkpoint).toBeDefined();
  });

  it('logs a name with line breaks, escape codes and NUL escaped, on one line', async () => {
    // Saved before names were checked (or written around the routes): the log must still hold.
    const name = 'Forged\n[2026-01-01T00:00:00.000Z][ERROR][plugins] injected\u001b[31m\u0000';
    const tenantId = addSettledTenant(emulator, 7003, 10, Date.now());
    const connectionId = await createConnection(
      { tenantId, name, namespace: `forged${Date.now()}` },
      'not-the-secret'
    );
    await scheduleCollectTask(taskManager, connectionId, 5);
    await settledState(connectionId, (status) => status.lastError !== undefined);
    const lines = host.logSink.lines.filter((line) => line.message.includes(connectionId));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(
          /^Collection for connection "Forged\\u000a\[2026-01-01T00:00:00\.000Z\]\[ERROR\]\[plugins\] injected\\u001b\[31m\\u0000" \(/
        ),
      }),
    ]);
    expect(lines[0]!.message).not.toMatch(/[\n\u001b\u0000]/);
  });

  it('removes the task of a deleted connection', async () => {
    const tenantId = addSettledTenant(emulator, 7003, 50, Date.now());
    const connectionId = await createConnection(
      { tenantId, namespace: `gone${Date.now()}` },
      CHAOS_SECRET
    );
    await host.savedObjects
      .repository([CONNECTION_SAVED_OBJECT_TYPE])
      .delete(CONNECTION_SAVED_OBJECT_TYPE, connectionId);
    await scheduleCollectTask(taskManager, connectionId, 5);
    await waitFor(
      async () =>
        taskManager.get(collectTaskId(connectionId)).then(
          () => undefined,
          () => true
        ),
      { timeoutMs: 20_000, what: 'the task to be deleted' }
    );
  });
});
