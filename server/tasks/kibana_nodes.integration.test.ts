import { Client } from '@elastic/elasticsearch';
import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import {
  connectionPath,
  TEST_CONNECTION_API_PATH,
  type ConnectionView,
  type CreateConnectionRequest,
} from '../../common/http_api/connections';
import { addSettledTenant, CHAOS_CLIENT_ID } from '../../test/collector/chaos_tenant';
import type { GraphEmulator } from '../../test/graph_emulator';
import { busiestWindow } from '../../test/graph_emulator/request_log';
import {
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphNodes,
  viewOf,
} from '../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../test/host/kibana_host';
import { callRoute, esUrl, waitFor } from '../../test/host/test_support';
import { BUDGET_WINDOW_MS } from '../lib/budget/request_budget';
import { collectTaskId } from './collect_task';
import type { CollectTaskState } from './collect_task_state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const lastRunOf = (task: ConcreteTaskInstance) => (task.state as CollectTaskState).status.lastRunAt;

/**
 * Two Kibana nodes on one Elasticsearch, sharing the saved objects and task indices, both running
 * background tasks: Task Manager spreads the collection tasks over them, and routes hit either.
 */
describe('our plugin on two Kibana nodes', () => {
  let emulator: GraphEmulator;
  let nodeA: KibanaHost;
  let nodeB: KibanaHost;
  const running = new Set<KibanaHost>();
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    const started = await startEmulatedGraphNodes(2);
    emulator = started.emulator;
    [nodeA, nodeB] = started.nodes as [KibanaHost, KibanaHost];
    started.nodes.forEach((node) => running.add(node));
  });

  afterAll(async () => {
    for (const node of running) await node.stop();
    await emulator.stop();
    await es.close();
  });

  const runOn = (node: KibanaHost, id: string) =>
    callRoute(node, 'POST', connectionPath(id, '_run'), { user: 'mail_admin' });
  const testOn = (node: KibanaHost, connection: ConnectionView) =>
    callRoute(node, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: {
        tenantId: connection.settings.tenantId,
        clientId: CHAOS_CLIENT_ID,
        authMethod: 'secret',
        secrets: {},
        connectionId: connection.id,
      },
    });
  const enableOn = (node: KibanaHost, id: string, request: CreateConnectionRequest) =>
    callRoute(node, 'PUT', connectionPath(id), {
      user: 'mail_admin',
      body: { ...request, enabled: true },
    });
  /** The runs of a connection's task either node finished (write-back included), by start. */
  const finishedRunsOf = (connectionId: string) =>
    [...nodeA.taskManager.finishedRuns, ...nodeB.taskManager.finishedRuns]
      .filter((run) => run.id === collectTaskId(connectionId))
      .sort((a, b) => a.timing.start - b.timing.start);
  /**
   * Asks both nodes at once for a run of the connection, after asking one of them for an hour's
   * backfill from `backfill.start` when given (so that the run reads Graph), and waits for it.
   */
  async function runOnBoth(connectionId: string, backfill?: { on: KibanaHost; start: number }) {
    await settledTask(nodeA, connectionId, () => true);
    const askedAt = Date.now();
    let requestedAt: string | undefined;
    if (backfill) {
      const range = { start: backfill.start, end: backfill.start + HOUR };
      const answer = await callRoute(
        backfill.on,
        'POST',
        connectionPath(connectionId, '_backfill'),
        {
          user: 'mail_admin',
          body: {
            start: new Date(range.start).toISOString(),
            end: new Date(range.end).toISOString(),
          },
        }
      );
      expect(answer.status).toBe(200);
      requestedAt = answer.body.backfill.requestedAt;
    }
    const answers = await Promise.all([runOn(nodeA, connectionId), runOn(nodeB, connectionId)]);
    // Each is accepted, or finds the run another ask started in progress.
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    if (!backfill) expect(statuses).toContain(200);
    await waitFor(
      () => finishedRunsOf(connectionId).some((run) => run.timing.start >= askedAt) || undefined,
      { timeoutMs: 45_000, what: 'the run asked for' }
    );
    if (requestedAt) {
      await waitFor(
        async () => {
          const { backfill: read } = await viewOf(nodeA, connectionId);
          return read?.requestedAt === requestedAt && read.done ? read : undefined;
        },
        { timeoutMs: 45_000, what: 'the backfill to be read' }
      );
    }
  }

  it('shares the tenant budget: no rolling 5 minutes hold more Graph requests than it', async () => {
    const budget = 5;
    const tenantId = addSettledTenant(emulator, 9501, 200, Date.now());
    const requests = ['First', 'Second'].map((name) =>
      connectionRequest(tenantId, { name, requestBudget: budget, lookbackDays: 1, enabled: false })
    ) as [CreateConnectionRequest, CreateConnectionRequest];
    const first = await createConnection(nodeA, requests[0]);
    const second = await createConnection(nodeB, requests[1]);
    // A connection test on each node, before any collection: tests take from the on-demand share,
    // a fifth of the budget (1 of 5), so the first takes it and the second, on the other node, is
    // told to wait. Collection keeps its 4.
    expect((await testOn(nodeA, first)).body.ok).toBe(true);
    expect((await testOn(nodeB, second)).body.ok).toBe(false);

    expect((await enableOn(nodeA, first.id, requests[0])).status).toBe(200);
    expect((await enableOn(nodeB, second.id, requests[1])).status).toBe(200);
    for (const connection of [first, second]) {
      await settledTask(nodeA, connection.id, (task) => lastRunOf(task) !== undefined);
      await runOnBoth(connection.id);
    }
    const lateTests = [];
    for (const node of [nodeA, nodeB, nodeA, nodeB]) lateTests.push(await testOn(node, first));

    const sent = emulator.requests.messageTraceCalls(tenantId).map((r) => r.atMs);
    // Everything happened within one window, and the runs and tests asked for more than each part
    // (two connections' runs for collection's 4, six tests for the on-demand 1): so exactly the
    // budget went out.
    expect(sent[sent.length - 1]! - sent[0]!).toBeLessThan(BUDGET_WINDOW_MS);
    expect(sent).toHaveLength(budget);
    expect(busiestWindow(sent, BUDGET_WINDOW_MS)).toBe(budget);
    expect(lateTests.map((answer) => answer.body.ok)).toEqual([false, false, false, false]);
  });

  it('runs each connection on one node at a time, on both nodes', async () => {
    // Each Graph answer takes this long, so two runs of one connection at once would overlap.
    const answerMs = 800;
    const connections: ConnectionView[] = [];
    for (const [index, node] of [nodeA, nodeB].entries()) {
      const tenantId = addSettledTenant(emulator, 9510 + index, 200, Date.now());
      emulator.faults.inject({ kind: 'hang', delayMs: answerMs, probability: 1, tenantId });
      connections.push(
        await createConnection(node, connectionRequest(tenantId, { lookbackDays: 1 }))
      );
    }
    for (const connection of connections) {
      await settledTask(nodeA, connection.id, (task) => lastRunOf(task) !== undefined);
    }
    // A caught-up run asks Graph nothing, so each round also asks one node (in turn) for an hour's
    // backfill, which the run reads.
    const readFrom = Date.now() - 2 * DAY;
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        connections.map((connection, index) =>
          runOnBoth(connection.id, {
            on: (round + index) % 2 === 0 ? nodeA : nodeB,
            start: readFrom + round * 2 * HOUR,
          })
        )
      );
    }

    for (const connection of connections) {
      const ofTask = finishedRunsOf(connection.id);
      expect(ofTask.length).toBeGreaterThanOrEqual(4);
      ofTask.slice(1).forEach((run, index) => {
        expect(run.timing.start).toBeGreaterThanOrEqual(ofTask[index]!.timing.stop);
      });
      // The emulator's view: one request of the tenant at a time, each answered after answerMs
      // (less a millisecond for the rounding of Date.now against the timer's clock).
      const arrivals = emulator.requests
        .messageTraceCalls(connection.settings.tenantId)
        .map((r) => r.atMs);
      expect(arrivals.length).toBeGreaterThanOrEqual(4);
      arrivals.slice(1).forEach((at, index) => {
        expect(at - arrivals[index]!).toBeGreaterThanOrEqual(answerMs - 1);
      });
    }
    // Both nodes claimed runs of these tasks.
    const owners = connections.flatMap((c) => finishedRunsOf(c.id).map((run) => run.ownerId));
    expect(new Set(owners)).toEqual(new Set([`kibana:${nodeA.uuid}`, `kibana:${nodeB.uuid}`]));
  });

  it('leaves the shared indices to the node still running when the other stops', async () => {
    const tenantId = addSettledTenant(emulator, 9520, 200, Date.now());
    const connection = await createConnection(nodeB, connectionRequest(tenantId));
    await settledTask(nodeB, connection.id, (task) => lastRunOf(task) !== undefined);
    await nodeA.stop();
    running.delete(nodeA);
    const stoppedAt = Date.now();
    const indices = [nodeB.savedObjects.index, nodeB.taskManager.index];
    expect(await es.indices.exists({ index: indices })).toBe(true);

    await settledTask(nodeB, connection.id, () => true);
    expect((await runOn(nodeB, connection.id)).status).toBe(200);
    const run = await waitFor(
      () => finishedRunsOf(connection.id).find((finished) => finished.timing.start >= stoppedAt),
      { timeoutMs: 45_000, what: 'a run after node A stopped' }
    );
    expect(run.ownerId).toBe(`kibana:${nodeB.uuid}`);

    await nodeB.stop();
    running.delete(nodeB);
    expect(await es.indices.exists({ index: indices[0]! })).toBe(false);
    expect(await es.indices.exists({ index: indices[1]! })).toBe(false);
  });
});
