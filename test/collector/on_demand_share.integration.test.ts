import { Client } from '@elastic/elasticsearch';
import { inMemoryBudgetStore } from '../../server/lib/budget/in_memory_budget_store';
import { OnDemandShareUsedUp } from '../../server/lib/budget/on_demand_share';
import { tenantBudget } from '../../server/lib/budget/tenant_budget';
import { collect } from '../../server/lib/collector/collect';
import { createCollectorDeps } from '../../server/lib/collector/collector_pipeline';
import { installTemplates } from '../../server/lib/data_stream/templates';
import { DEFAULT_WINDOW_SETTINGS, initialCheckpoint } from '../../server/lib/collector/windows';
import { GraphClient } from '../../server/lib/graph/graph_client';
import { TokenProvider } from '../../server/lib/graph/token_provider';
import { DrivenClock, GraphEmulator } from '../graph_emulator';
import { esUrl } from '../host/test_support';
import { addSettledTenant, CHAOS_CLIENT_ID, CHAOS_SECRET } from './chaos_tenant';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The budget's split on a clock only the test moves: 100 event trails by one user within a minute
 * between two runs of collection, and the second run's first Graph request reaches the emulator at
 * the very millisecond the run is due.
 */
describe('collection on time beside a burst of on-demand requests', () => {
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    await installTemplates(es);
  });

  afterAll(async () => {
    await es.close();
  });

  it('100 trails in a minute take 6 requests; the next run sends its first at its due time', async () => {
    const start = Date.now();
    const clock = new DrivenClock(start);
    const emulator = await GraphEmulator.start({ clock, tenants: [] });
    const tenantId = addSettledTenant(emulator, 9711, 400, start);
    const endpoints = {
      graphUrl: emulator.graphUrl,
      loginUrl: emulator.loginUrl,
      caCertificate: emulator.caCertificatePem,
    };
    const tokens = new TokenProvider({
      tenantId,
      clientId: CHAOS_CLIENT_ID,
      credential: { kind: 'secret', clientSecret: CHAOS_SECRET },
      endpoints,
      timeoutMs: 30_000,
    });
    const stores = { collection: inMemoryBudgetStore(), onDemand: inMemoryBudgetStore() };
    const budget = tenantBudget(stores, clock, 60);
    const deps = createCollectorDeps({
      endpoints,
      tokens,
      budget: budget.collection,
      clock,
      elasticsearch: es,
      dataStream: `logs-microsoft_exchange_online_message_trace.log-share_${start}`,
      mapping: { localDomains: ['contoso.com'] },
      saveCheckpoint: async () => undefined,
      // Any wait for collection's part ends the run and shows in its summary.
      maxBudgetWaitMs: () => 0,
    });
    const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: DAY };
    const trails = new GraphClient({
      endpoints,
      tokens,
      budget: budget.onDemand.for('soc_analyst'),
      clock,
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, random: Math.random },
      maxBudgetWaitMs: () => 5000,
    });
    try {
      const first = await collect(deps, initialCheckpoint(start, settings), settings);
      expect(first.summary).toMatchObject({ caughtUp: true, documentsFailed: 0 });
      expect(first.summary.documentsCreated).toBeGreaterThan(100);

      const rows = emulator
        .truthObservations(tenantId, { start: start - DAY, end: start, at: start })
        .slice(0, 100);
      expect(rows).toHaveLength(100);
      const outcomes: string[] = [];
      for (const row of rows) {
        clock.advance(600);
        outcomes.push(
          await trails.detailsByRecipient(row.id, row.recipientAddress).then(
            () => 'fetched',
            (error: unknown) => (error instanceof OnDemandShareUsedUp ? error.share : String(error))
          )
        );
      }
      expect(outcomes.filter((o) => o === 'fetched')).toHaveLength(6);
      expect(outcomes.filter((o) => o === 'requester')).toHaveLength(94);
      const details = emulator.requests.all().filter((r) => r.kind === 'detail');
      expect(details).toHaveLength(6);
      expect(details[details.length - 1]!.atMs - start).toBeLessThanOrEqual(MINUTE);

      // The next run, due five minutes after the first.
      const due = start + 5 * MINUTE;
      clock.setTime(due);
      const next = await collect(deps, first.checkpoint, settings);
      const lists = emulator.requests
        .messageTraceCalls(tenantId)
        .filter((r) => r.kind === 'list' && r.atMs >= due);
      expect(lists.length).toBeGreaterThan(0);
      expect(lists[0]!.atMs).toBe(due);
      expect(next.summary).toMatchObject({ caughtUp: true, documentsFailed: 0 });
      expect(next.summary.budgetAvailableAt).toBeUndefined();
      // Collection's part is its own store: the burst never made its saves conflict.
      expect(stores.collection.conflicts).toBe(0);
      expect(emulator.requests.budgetThrottled()).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});
