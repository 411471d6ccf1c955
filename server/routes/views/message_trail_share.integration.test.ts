import {
  connectionPath,
  TEST_CONNECTION_API_PATH,
  type ConnectionView,
} from '../../../common/http_api/connections';
import type { BudgetUsedUpAttributes } from '../../../common/http_api/budget_used_up';
import {
  MESSAGE_TRAIL_API_PATH,
  MESSAGES_API_PATH,
  type MessageSearchResponse,
} from '../../../common/http_api/views';
import { CHAOS_CLIENT_ID } from '../../../test/collector/chaos_tenant';
import type { GraphEmulator } from '../../../test/graph_emulator';
import { settledTask, startCollectedTenant } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';
import type { CollectTaskState } from '../../tasks/collect_task_state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Graph's window and the budget's margin for a request's arrival (request_budget.ts). */
const SLOT_MS = 5 * 60_000 + 1000;
/**
 * How late collection's first Graph request may leave after its run is due and still be on time:
 * Task Manager polls every 100 ms here, and the run reads its connection, its key and its budget
 * from Elasticsearch first. A run the budget holds back waits minutes (the slot of the oldest
 * request), not seconds.
 */
const ON_TIME_MS = 5000;
const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;

/**
 * The must-show of issue 17, item 3: a `read` user opening event trails as fast as they can takes
 * only their part of the tenant's on-demand share, is told when to try again, and collection's
 * next run sends its Graph requests on time.
 */
describe('event trails within their own share of the tenant budget', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenantId: string;
  let connection: ConnectionView;
  let lastRunAt: string | undefined;
  beforeAll(async () => {
    // The default budget, 60: 48 for collection, 12 on demand, 6 of them per user.
    let firstRun;
    ({ host, emulator, tenantId, connection, firstRun } = await startCollectedTenant(9701, 400));
    lastRunAt = stateOf(firstRun).status.lastRunAt;
  }, 120_000);

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  it('100 trails by soc_analyst in a minute: 6 fetched, 94 told when to retry, collection on time', async () => {
    const search = await callRoute(host, 'POST', MESSAGES_API_PATH, {
      user: 'soc_analyst',
      body: {
        start: new Date(Date.now() - 2 * DAY).toISOString(),
        end: new Date().toISOString(),
        connectionIds: [connection.id],
        pageSize: 100,
      },
    });
    expect(search.status).toBe(200);
    const rows = (search.body as MessageSearchResponse).rows;
    expect(new Set(rows.map((row) => row.rowId)).size).toBe(100);

    const detailsBefore = emulator.requests.all().filter((r) => r.kind === 'detail').length;
    const burstStart = Date.now();
    const answers = await Promise.all(
      rows.map((row) =>
        callRoute(host, 'POST', MESSAGE_TRAIL_API_PATH, {
          user: 'soc_analyst',
          body: { traceId: row.traceId, recipient: row.recipient, connectionId: connection.id },
        })
      )
    );
    expect(Date.now() - burstStart).toBeLessThan(60_000);
    const details = emulator.requests.all().filter((r) => r.kind === 'detail');
    const fetched = details.slice(detailsBefore);

    // soc_analyst's part of the on-demand share, and not one Graph request more.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(6);
    expect(fetched).toHaveLength(6);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(94);
    const retryAt = (refused[0]!.body as { attributes: BudgetUsedUpAttributes }).attributes.retryAt;
    for (const answer of refused) {
      expect(answer).toEqual({
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `Your share of on-demand Microsoft Graph requests to this tenant (6 per 5 minutes) is used up until ${retryAt}; try again then`,
          attributes: { retryAt },
        },
      });
    }
    // Free again when the first of the six leaves Graph's window: it was taken after the burst
    // began, and before its request reached the emulator.
    const firstArrival = Math.min(...fetched.map((r) => r.atMs));
    expect(Date.parse(retryAt)).toBeGreaterThanOrEqual(burstStart + SLOT_MS);
    expect(Date.parse(retryAt)).toBeLessThanOrEqual(firstArrival + SLOT_MS);

    // Another user still has the rest of the share, at once: mail_admin opens a trail soc_analyst
    // was refused, and Graph is asked for it.
    const refusedRow = rows[answers.findIndex((a) => a.status === 429)]!;
    const othersTrail = await callRoute(host, 'POST', MESSAGE_TRAIL_API_PATH, {
      user: 'mail_admin',
      body: {
        traceId: refusedRow.traceId,
        recipient: refusedRow.recipient,
        connectionId: connection.id,
      },
    });
    expect(othersTrail.status).toBe(200);
    expect(othersTrail.body).toMatchObject({ cached: false });
    const othersDetails = emulator.requests.all().filter((r) => r.kind === 'detail');
    expect(othersDetails).toHaveLength(detailsBefore + 7);
    expect(othersDetails[othersDetails.length - 1]).toMatchObject({ status: 200 });
    // And their test of the connection too.
    const tested = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: {
        tenantId,
        clientId: CHAOS_CLIENT_ID,
        authMethod: 'secret',
        secrets: {},
        connectionId: connection.id,
      },
    });
    expect(tested.body.ok).toBe(true);

    // Collection's next run, due now: asked for with a backfill of an hour, so that it has Graph
    // requests to make at once (a run minutes after the last has none, Graph's last minute being
    // left to settle). Its first request leaves on time.
    const due = Date.now();
    const backfill = await callRoute(host, 'POST', connectionPath(connection.id, '_backfill'), {
      user: 'mail_admin',
      body: {
        start: new Date(due - 2 * HOUR).toISOString(),
        end: new Date(due - HOUR).toISOString(),
      },
    });
    expect(backfill.status).toBe(200);
    const after = await settledTask(
      host,
      connection.id,
      (t) => stateOf(t).status.lastRunAt !== lastRunAt,
      'the run asked for'
    );
    const lists = emulator.requests
      .messageTraceCalls(tenantId)
      .filter((r) => r.kind === 'list' && r.atMs >= due);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists[0]!.atMs - due).toBeLessThanOrEqual(ON_TIME_MS);
    expect(lists.filter((r) => r.status !== 200)).toEqual([]);
    expect(stateOf(after).status).toMatchObject({ caughtUp: true, budgetLimit: 48 });
    expect(stateOf(after).status.lastError).toBeUndefined();
    expect(emulator.requests.budgetThrottled()).toEqual([]);
  });
});
