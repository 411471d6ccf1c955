import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { STATUS_API_PATH } from '../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionPath,
  ELASTICSEARCH_UNREACHABLE_ERROR_KIND,
} from '../../common/http_api/connections';
import { addSettledTenant } from '../../test/collector/chaos_tenant';
import { compareWithTruth } from '../../test/collector/observations';
import { startNamedElasticsearch, type NamedEsNode } from '../../test/es/es_node';
import { prepareSecuredNode } from '../../test/es/security_fixtures';
import type { GraphEmulator } from '../../test/graph_emulator';
import {
  collectTaskOf,
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphHost,
  viewOf,
} from '../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../test/host/kibana_host';
import { callRoute, waitFor } from '../../test/host/test_support';
import { elasticsearchUnreachableMessage } from '../services/elasticsearch_reachability';
import type { CollectTaskState } from '../tasks/collect_task_state';

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

const localNodeId = async (es: Client) =>
  Object.keys((await es.nodes.info({ node_id: '_local', filter_path: 'nodes.*.name' })).nodes)[0];

/**
 * Elasticsearch dies (SIGKILL to its process group) while a collection run waits for Microsoft
 * Graph, and comes back through `npm run es -- start`. The test runs its own node, so the shared
 * one is never killed.
 */
describe('an Elasticsearch outage during a collection run', () => {
  const name = `outage-${randomUUID().slice(0, 8)}`;
  let node: NamedEsNode;
  let es: Client;
  let host: KibanaHost;
  let emulator: GraphEmulator;

  beforeAll(async () => {
    node = await startNamedElasticsearch(name);
    await prepareSecuredNode(node.url);
    es = new Client({ node: node.url });
    ({ host, emulator } = await startEmulatedGraphHost({ esUrl: node.url }));
  }, 180_000);

  afterAll(async () => {
    // Failed while Elasticsearch was down, the host cannot delete its indices: it still lets go.
    await host?.stop().catch(() => host.elasticsearch.close());
    await emulator?.stop();
    await es?.close();
    await node?.stop();
  }, 60_000);

  it('answers 503 at once, comes back on the same data and port, shows the failed run and resumes exactly', async () => {
    const tenantId = addSettledTenant(emulator, 8501, 300, Date.now());
    // The first page of message traces takes a while: Elasticsearch dies while the run waits.
    emulator.faults.inject({ kind: 'hang', delayMs: 3000, count: 1, tenantId });
    const created = await createConnection(host, connectionRequest(tenantId));
    await waitFor(async () => (await collectTaskOf(host, created.id)).status === 'running', {
      what: 'the first run to start',
    });
    const nodeId = await localNodeId(es);

    const killedAt = Date.now();
    process.kill(-node.pid, 'SIGKILL');
    await waitFor(() => !groupAlive(node.pid), { what: 'the node to die' });

    const refused = elasticsearchUnreachableMessage('it refuses connections');
    const during = [
      ['GET', CONNECTIONS_API_PATH, 'mail_admin'],
      ['GET', connectionPath(created.id), 'soc_analyst'],
      ['POST', connectionPath(created.id, '_run'), 'mail_admin'],
      ['GET', STATUS_API_PATH, 'soc_analyst'],
    ] as const;
    for (const [method, path, user] of during) {
      const started = Date.now();
      const answer = await callRoute(host, method, path, { user });
      expect({ path, elapsedUnder2s: Date.now() - started < 2000, ...answer }).toEqual({
        path,
        elapsedUnder2s: true,
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: refused },
      });
    }

    // The run meets the outage once its page arrives; a run that outlived it would not fail.
    await waitFor(
      () =>
        host.logSink.lines.some((line) =>
          line.message.startsWith("Elasticsearch cannot record the run's result")
        ) || undefined,
      { timeoutMs: 30_000, intervalMs: 100, what: 'the run to fail and wait for Elasticsearch' }
    );

    const back = await startNamedElasticsearch(name);
    // Same port (the URL carries it), same data (the node id lives in its data path).
    expect(back.url).toBe(node.url);
    expect(await localNodeId(es)).toBe(nodeId);

    // The run that met the outage recorded its failure once Elasticsearch was back.
    const failed = await waitFor(
      async () => {
        const view = await viewOf(host, created.id);
        return view.task.health === 'failed' ? view : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the connection to show the failed run' }
    ).catch(async (error: Error) => {
      // Where the run's result went is in what the host logged, and in the task.
      const task = await collectTaskOf(host, created.id);
      const log = host.logSink.lines.map((line) => `${line.level} ${line.message}`).join('\n');
      throw new Error(`${error.message}; the task is ${task.status}; the host logged:\n${log}`);
    });
    const lastError = failed.status.lastError!;
    expect(Date.parse(lastError.at)).toBeGreaterThan(killedAt);
    expect(lastError.kind).toBe(ELASTICSEARCH_UNREACHABLE_ERROR_KIND);
    expect(lastError.message).toContain('ECONNREFUSED');
    expect((await collectTaskOf(host, created.id)).status).toBe('idle');

    const run = await callRoute(host, 'POST', connectionPath(created.id, '_run'), {
      user: 'mail_admin',
    });
    expect(run).toEqual({
      status: 200,
      body: { id: `exchangeMessageTrace:collect:${created.id}` },
    });
    const settled = await settledTask(
      host,
      created.id,
      (task) => (task.state as CollectTaskState).status.caughtUp === true,
      'collection to catch up after the outage'
    );
    const result = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream: `logs-microsoft_exchange_online_message_trace.log-${created.settings.namespace}`,
      checkpoint: (settled.state as CollectTaskState).checkpoint!,
    });
    expect({
      missing: result.missing.length,
      unexpected: result.unexpected.length,
      duplicates: result.duplicates,
    }).toEqual({ missing: 0, unexpected: 0, duplicates: 0 });
    expect(result.expected).toBeGreaterThan(100);
    expect((await viewOf(host, created.id)).task.health).toBe('idle');
  }, 240_000);
});
