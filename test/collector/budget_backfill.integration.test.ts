import { Client } from '@elastic/elasticsearch';
import { inMemoryBudgetStore } from '../../server/lib/budget/in_memory_budget_store';
import { RequestBudget } from '../../server/lib/budget/request_budget';
import { collect } from '../../server/lib/collector/collect';
import { createCollectorDeps } from '../../server/lib/collector/collector_pipeline';
import { DEFAULT_WINDOW_SETTINGS, initialCheckpoint } from '../../server/lib/collector/windows';
import { TokenProvider } from '../../server/lib/graph/token_provider';
import { DrivenClock, GraphEmulator } from '../graph_emulator';
import { esUrl } from '../host/test_support';
import { CHAOS_CLIENT_ID, CHAOS_SECRET, tenantIdFor } from './chaos_tenant';

const DAY = 86_400_000;
const WINDOW = 5 * 60_000;
const ARRIVAL_MARGIN = 1000;

/**
 * A 90-day backfill against the emulator's throttle (100 requests per rolling 5 minutes per tenant),
 * on a clock both sides share and that jumps whenever everyone waits.
 */
describe('a 90-day backfill within the throttle budget', () => {
  const es = new Client({ node: esUrl() });

  afterAll(async () => {
    await es.close();
  });

  it.each([
    { limit: 100, label: 'Microsoft limit' },
    { limit: 60, label: 'default' },
  ])(
    'budget $limit ($label): no 429 from overrunning, and as fast as the budget allows',
    async ({ limit }) => {
      const start = Date.now();
      const clock = new DrivenClock(start, { autoAdvance: true });
      const emulator = await GraphEmulator.start({ clock });
      const tenantId = tenantIdFor(90_000 + limit);
      emulator.addTenant({
        tenantId,
        apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: CHAOS_SECRET }] }],
        synthetic: {
          seed: limit,
          rowsPerDay: 60,
          anchorMs: start,
          finalStatusesOnly: true,
          lateArrivals: false,
        },
      });
      const endpoints = {
        graphUrl: emulator.graphUrl,
        loginUrl: emulator.loginUrl,
        caCertificate: emulator.caCertificatePem,
      };
      const deps = createCollectorDeps({
        endpoints,
        tokens: new TokenProvider({
          tenantId,
          clientId: CHAOS_CLIENT_ID,
          credential: { kind: 'secret', clientSecret: CHAOS_SECRET },
          endpoints,
          timeoutMs: 30_000,
        }),
        budget: new RequestBudget(inMemoryBudgetStore(), clock, limit),
        clock,
        elasticsearch: es,
        dataStream: `logs-microsoft_exchange_online_message_trace.log-budget${limit}_${start}`,
        mapping: { localDomains: ['contoso.com'] },
        pageSize: 20,
        saveCheckpoint: async () => undefined,
      });
      const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: 90 * DAY };
      try {
        const { summary } = await collect(deps, initialCheckpoint(start, settings), settings);
        const requests = emulator.requests.messageTraceCalls(tenantId);
        const elapsed = clock.now() - start;
        // The budget's arithmetic (request_budget.ts): a request goes out only while fewer than
        // `limit` went out in the last 5 minutes plus a 1-second margin for their arrival, so
        // requests k and k + limit are at least 5 min 1 s apart, and the last of N requests leaves
        // at least q × 5 min 1 s after the first, with q = ceil(N / limit) − 1: the lower bound.
        // Nothing else here waits (no faults; no 429, asserted below), and the clock moves only
        // when everyone sleeps, straight to the earliest wake-up: the moment the budget frees the
        // next slot. A collector that always has its next request ready then sends every block of
        // `limit` requests the instant the block before it ages out, and the last one at exactly
        // q × 5 min 1 s: the upper bound. Both bounds are the same number; a needless wait, or a
        // wait longer than the slot needs, would show as more.
        const blocksAfterTheFirst = Math.ceil(requests.length / limit) - 1;
        const fastest = blocksAfterTheFirst * (WINDOW + ARRIVAL_MARGIN);

        expect(summary.caughtUp).toBe(true);
        // 90 days less the retention margin, then the minutes that passed while reading them.
        expect(summary.windowsCompleted).toBeGreaterThanOrEqual(9);
        expect(requests.length).toBeGreaterThan(2 * limit);
        expect(emulator.requests.budgetThrottled()).toEqual([]);
        expect(requests.filter((record) => record.status === 429)).toEqual([]);
        expect(elapsed).toBe(fastest);
      } finally {
        await emulator.stop();
      }
    }
  );
});
