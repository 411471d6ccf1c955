import { SERVICE_DEFAULTS } from '../../common/collector_service_config';
import { busiestWindow } from '../graph_emulator/request_log';
import { waitFor } from '../host/test_support';
import { CHAOS_SECRET } from './chaos_tenant';
import {
  emulatedTenants,
  expectExactlyTheTruth,
  freshConfigDir,
  ServiceProcess,
  serviceTestContext,
  writeServiceConfig,
} from './service_process';

const FIVE_MINUTES = 5 * 60_000;
const WRONG_SECRET = 'Wrong8Q~not-the-secret-0123456789abcdefg';

describe('exchange-message-trace serve: many tenants', () => {
  jest.setTimeout(120_000);
  const context = serviceTestContext();
  const runId = `svc${Date.now()}`;
  const env = () => ({ ...context.env(), EMT_TEST_WRONG_SECRET: WRONG_SECRET });

  /** No secret in any log line, /healthz or /metrics. */
  function expectNoSecret(...texts: string[]) {
    for (const text of texts) {
      for (const secret of [CHAOS_SECRET, WRONG_SECRET, context.apiKey])
        expect(text).not.toContain(secret);
    }
  }

  it('collects 20 tenants exactly, each within its budget, while one with a wrong secret fails', async () => {
    const { emulator, es } = context;
    const tenants = emulatedTenants(
      emulator,
      `${runId}a`,
      Array.from({ length: 20 }, (_, index) => ({ name: `tenant-${index}`, seed: 15_100 + index })),
      100
    );
    const [wrong] = emulatedTenants(
      emulator,
      `${runId}a`,
      [{ name: 'wrong-secret', seed: 15_199, secretEnv: 'EMT_TEST_WRONG_SECRET' }],
      100
    );
    // Another instance used most of the first tenant's budget a moment ago: the service must wait
    // for those requests to leave the 5-minute window before it sends more than the rest.
    const squeezed = tenants[0]!;
    const earlier = Array.from(
      { length: 36 },
      (_, index) => Date.now() - FIVE_MINUTES + 15_000 + index
    );
    await es.index({
      index: SERVICE_DEFAULTS.stateIndex,
      id: `budget:${squeezed.tenantId}`,
      document: { kind: 'budget', tenantId: squeezed.tenantId, requestTimes: earlier },
      refresh: true,
    });
    const file = writeServiceConfig({
      dir: freshConfigDir(),
      emulator,
      tenants: [...tenants, wrong],
    });
    const service = await ServiceProcess.start(file, env());
    try {
      await service.waitForStates(
        tenants.map((tenant) => tenant.name),
        'caught up',
        90_000
      );
      const health = await service.healthz();
      const failing = health.tenants.find((tenant) => tenant.name === 'wrong-secret')!;
      expect(failing).toMatchObject({ state: 'failing', failureKind: 'authentication' });
      expect(failing.reason).toMatch(/AADSTS7000215/);
      expect(health.status).toBe('degraded');
      const metrics = await service.metrics();
      expect(metrics).toMatch(
        new RegExp(
          `exchange_message_trace_failing\\{tenant="wrong-secret",namespace="${wrong!.namespace}",kind="authentication"\\} 1`
        )
      );
      expect(metrics).toContain(
        `exchange_message_trace_failing{tenant="tenant-3",namespace="${tenants[3]!.namespace}"} 0`
      );

      const results = await expectExactlyTheTruth(es, emulator, tenants);
      for (const [index, tenant] of tenants.entries()) {
        const result = results[index]!;
        expect(result.expected).toBeGreaterThan(20);
        const sent = emulator.requests.messageTraceCalls(tenant.tenantId).map((call) => call.atMs);
        const counted = tenant === squeezed ? [...earlier, ...sent] : sent;
        expect(busiestWindow(counted, FIVE_MINUTES)).toBeLessThanOrEqual(tenant.budget);
        const documents = new RegExp(
          `exchange_message_trace_documents_total\\{tenant="${tenant.name}",namespace="${tenant.namespace}"\\} ${result.expected}\\n`
        );
        expect(metrics).toMatch(documents);
        expect(metrics).toContain(
          `exchange_message_trace_graph_requests_total{tenant="${tenant.name}",namespace="${tenant.namespace}"} ${sent.length}\n`
        );
      }
      // The squeezed tenant really waited: some of its requests came only once the old ones left.
      const squeezedCalls = emulator.requests.messageTraceCalls(squeezed.tenantId);
      expect(squeezedCalls.length).toBeGreaterThan(squeezed.budget - earlier.length);
      expect(squeezedCalls.at(-1)!.atMs).toBeGreaterThan(earlier[0]! + FIVE_MINUTES);
      expectNoSecret(service.stdout, service.stderr, JSON.stringify(health), metrics);
    } finally {
      service.signal('SIGTERM');
      await service.exited;
    }
    expectNoSecret(service.stdout, service.stderr);
  });

  it('runs the same config in two instances, one collector per tenant, and takes over from a killed one', async () => {
    const { emulator, es } = context;
    const tenants = emulatedTenants(
      emulator,
      `${runId}b`,
      Array.from({ length: 6 }, (_, index) => ({ name: `pair-${index}`, seed: 15_200 + index })),
      100
    );
    // Slow pages, so the kill lands mid-run.
    for (const tenant of tenants) {
      emulator.faults.inject({
        kind: 'hang',
        delayMs: 250,
        probability: 1,
        tenantId: tenant.tenantId,
      });
    }
    const file = writeServiceConfig({ dir: freshConfigDir(), emulator, tenants, format: 'json' });
    const first = await ServiceProcess.start(file, env());
    const second = await ServiceProcess.start(file, env());
    try {
      const names = tenants.map((tenant) => tenant.name);
      const holders = (service: ServiceProcess) =>
        names.filter((name) => service.logsOf(name, 'Lease taken').length > 0);
      // Both hold some tenants, and no tenant is taken by both.
      await untilTrue(() => holders(first).length + holders(second).length === names.length);
      expect(holders(first).filter((name) => holders(second).includes(name))).toEqual([]);
      const victim = holders(first).length > 0 ? first : second;
      const survivor = victim === first ? second : first;
      const victimTenants = holders(victim);
      expect(victimTenants.length).toBeGreaterThan(0);
      await untilTrue(() =>
        victimTenants.some((name) => victim.logsOf(name, 'Page stored').length > 0)
      );
      victim.signal('SIGKILL');
      const killedAt = (await victim.exited).at;

      await survivor.waitForStates(names, 'caught up', 60_000);
      for (const name of victimTenants) {
        const taken = survivor.logsOf(name, 'Lease taken');
        expect(taken.length).toBe(1);
        expect(Date.parse(taken[0]!['@timestamp'])).toBeGreaterThanOrEqual(killedAt - 1000);
        // One collector at a time: every page the victim stored came before the survivor's first.
        const victimPages = victim
          .logsOf(name, 'Page stored')
          .map((entry) => Date.parse(entry['@timestamp']));
        const survivorPages = survivor
          .logsOf(name, 'Page stored')
          .map((entry) => Date.parse(entry['@timestamp']));
        expect(survivorPages.length).toBeGreaterThan(0);
        expect(Math.max(...victimPages, 0)).toBeLessThan(Math.min(...survivorPages));
      }
      for (const name of names.filter((name) => !victimTenants.includes(name)))
        expect(victim.logsOf(name, 'Page stored')).toEqual([]);
      await expectExactlyTheTruth(es, emulator, tenants);
      expectNoSecret(first.stdout, second.stdout, first.stderr, second.stderr);
    } finally {
      emulator.faults.clear();
      first.signal('SIGTERM');
      second.signal('SIGTERM');
      await Promise.all([first.exited, second.exited]);
    }
  });
});

const untilTrue = (condition: () => boolean) =>
  waitFor(() => condition() || undefined, { timeoutMs: 30_000, what: 'the services' });
