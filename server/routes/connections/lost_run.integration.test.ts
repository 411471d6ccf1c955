import { connectionPath } from '../../../common/http_api/connections';
import { addSettledTenant } from '../../../test/collector/chaos_tenant';
import type { GraphEmulator } from '../../../test/graph_emulator';
import {
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphHost,
  viewOf,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';
import { LOST_RUN_ERROR_KIND } from '../../services/connection_view';
import { collectTaskId } from '../../tasks/collect_task';
import type { CollectTaskState } from '../../tasks/collect_task_state';

const MINUTE = 60_000;
const lastRunAt = (task: { state: Record<string, unknown> }) =>
  (task.state as CollectTaskState).status.lastRunAt;

/**
 * A run whose result Task Manager could not store (Elasticsearch unreachable at that moment, or
 * the node running it gone) leaves its task `running` until its retryAt, an hour here.
 */
describe('a connection whose last run lost its result', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  it('shows the run as failed once past its deadline, and Run now forces a new run at once', async () => {
    const tenantId = addSettledTenant(emulator, 8502, 50, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId));
    const first = await settledTask(host, created.id, (task) => lastRunAt(task) !== undefined);

    // What a lost write-back leaves: the claim of a run that started nine minutes ago.
    const startedAt = new Date(Date.now() - 9 * MINUTE);
    const retryAt = new Date(Date.now() + 60 * MINUTE);
    await host.elasticsearch.internalClient.update({
      index: host.taskManager.index,
      id: `task:${collectTaskId(created.id)}`,
      doc: {
        task: {
          status: 'running',
          startedAt: startedAt.toISOString(),
          retryAt: retryAt.toISOString(),
          ownerId: 'kibana:a-node-that-is-gone',
        },
      },
      refresh: true,
    });

    const lost = await viewOf(host, created.id);
    expect(lost.task).toEqual({ health: 'failed', nextRunAt: retryAt.toISOString() });
    expect(lost.status.lastError).toEqual({
      kind: LOST_RUN_ERROR_KIND,
      message:
        `The run that started at ${startedAt.toISOString()} ended without its result being ` +
        'recorded (Elasticsearch could not be reached then, or the Kibana node running it ' +
        `stopped). Task Manager runs it again at ${retryAt.toISOString()}; Run now starts a new ` +
        'run at once.',
      at: new Date(startedAt.getTime() + 8 * MINUTE).toISOString(),
    });

    const run = await callRoute(host, 'POST', connectionPath(created.id, '_run'), {
      user: 'mail_admin',
    });
    expect(run).toEqual({ status: 200, body: { id: collectTaskId(created.id) } });
    await settledTask(
      host,
      created.id,
      (task) => lastRunAt(task) !== lastRunAt(first),
      'the forced run'
    );
    const recovered = await viewOf(host, created.id);
    expect(recovered.task.health).toBe('idle');
    expect(recovered.status.lastError).toBeUndefined();
  });
});
