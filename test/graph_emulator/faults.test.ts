import { DrivenClock } from './clock';
import { FaultInjector } from './faults';
import { GraphEmulator } from './graph_emulator';
import {
  request,
  CLIENT_ID,
  SECRET,
  TENANT_ID,
  getToken,
  graphGet,
  tenantSpec,
  tokenRequest,
  type Page,
} from './test_support';

/** Waits for something the emulator does in its own time (a request to arrive, say). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('injected faults', () => {
  let emulator: GraphEmulator;
  let token: string;
  let list: string;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      tls: false,
      throttle: false,
      tenants: [tenantSpec({ synthetic: { seed: 5, rowsPerDay: 20_000, lateArrivals: false } })],
    });
    token = await getToken(emulator);
    list = `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces?$top=50`;
  });
  afterEach(() => emulator.faults.clear());
  afterAll(() => emulator.stop());

  const get = (url = list) => graphGet(emulator, url, token);

  it('a 429 storm for the next N requests, with Retry-After, not counted as budget throttling', async () => {
    emulator.faults.inject({ kind: 'throttle', count: 3, retryAfterSeconds: 7 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await get());
    expect(statuses.map((s) => s.status)).toEqual([429, 429, 429, 200]);
    expect(statuses[0]!.headers['retry-after']).toBe('7');
    expect(emulator.requests.budgetThrottled()).toHaveLength(0);
    expect(emulator.requests.all().filter((r) => r.fault === 'throttle')).toHaveLength(3);
  });

  it('500/503 by count, and by seeded probability reproducibly', async () => {
    emulator.faults.inject({ kind: 'serverError', status: 500, count: 1 });
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(200);
    const run = () => {
      const injector = new FaultInjector(42);
      injector.inject({ kind: 'serverError', probability: 0.3 });
      return Array.from({ length: 40 }, () =>
        Boolean(injector.take(['serverError'], { kind: 'list', path: '/', atMs: 0 }))
      );
    };
    expect(run()).toEqual(run());
    expect(run().filter(Boolean).length).toBeGreaterThan(4);
    const result = await (async () => {
      emulator.faults.inject({ kind: 'serverError', status: 503, count: 1 });
      return get();
    })();
    expect(result.status).toBe(503);
    expect(result.headers['retry-after']).toBeDefined();
  });

  it('hangs: delayed answers, on its clock, and requests that are never answered', async () => {
    const clock = new DrivenClock(Date.now());
    const slow = await GraphEmulator.start({
      tls: false,
      throttle: false,
      clock,
      tenants: [tenantSpec({ synthetic: { seed: 5, rowsPerDay: 200, lateArrivals: false } })],
    });
    try {
      const slowToken = await getToken(slow);
      const settled: string[] = [];
      const slowGet = () =>
        graphGet(slow, list.replace(emulator.graphUrl, slow.graphUrl), slowToken).then(
          (result) => settled.push(`answered ${result.status}`),
          () => settled.push('closed')
        );
      const logged = () => slow.requests.all().filter((r) => r.kind === 'list');

      slow.faults.inject({ kind: 'hang', delayMs: 300, count: 1 });
      const delayed = slowGet();
      await until(() => clock.pendingSleepers === 1);
      clock.advance(299);
      expect(clock.pendingSleepers).toBe(1);
      clock.advance(1);
      await delayed;
      expect(settled).toEqual(['answered 200']);
      expect(logged().map((r) => [r.status, r.fault])).toEqual([[200, 'hang']]);

      slow.faults.inject({ kind: 'hang', count: 1 });
      const neverAnswered = slowGet();
      // Logged with status 0 when the emulator decides never to answer; nothing waits to answer.
      await until(() => logged().length === 2);
      expect(logged()[1]).toMatchObject({ status: 0, fault: 'hang' });
      expect(clock.pendingSleepers).toBe(0);
      expect(settled).toEqual(['answered 200']);
      await slow.stop();
      await neverAnswered;
      expect(settled).toEqual(['answered 200', 'closed']);
    } finally {
      await slow.stop();
    }
  });

  it('truncated and malformed JSON bodies', async () => {
    emulator.faults.inject({ kind: 'truncatedBody' });
    const truncated = await get();
    expect(truncated.status).toBe(200);
    expect(truncated.json).toBeUndefined();
    expect(truncated.text.startsWith('{"@odata.context"')).toBe(true);
    emulator.faults.inject({ kind: 'truncatedBody', abortConnection: true });
    await expect(get()).rejects.toThrow();
    emulator.faults.inject({ kind: 'malformedJson' });
    const malformed = await get();
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
  });

  it('malformed rows inside a page, reported for counting', async () => {
    const before = emulator.faults.malformedRows.length;
    emulator.faults.inject({ kind: 'malformedRows', count: 2, rowsPerPage: 3 });
    const pages = [await get(), await get()];
    const reports = emulator.faults.malformedRows.slice(before);
    expect(reports).toHaveLength(6);
    const rows = pages.flatMap((p) => (p.json as Page).value);
    expect(rows.filter((r) => !('id' in r))).toHaveLength(2);
    expect(rows.filter((r) => r.receivedDateTime === '2026-13-45T99:99:99Z')).toHaveLength(2);
    expect(rows.filter((r) => typeof r.size === 'string')).toHaveLength(2);
  });

  it('service principal 401, permission 403 and invalid client secret on demand', async () => {
    emulator.faults.inject({ kind: 'servicePrincipalMissing' });
    const sp = await get();
    expect(sp.status).toBe(401);
    expect(sp.text).toContain('8bd644d1-64a1-4d4b-ae52-2e0cbf64e373');
    emulator.faults.inject({ kind: 'forbidden' });
    expect((await get()).status).toBe(403);
    emulator.faults.inject({ kind: 'invalidClientSecret' });
    const secret = await tokenRequest(emulator, TENANT_ID, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(secret.status).toBe(401);
    expect((secret.json as { error_codes: number[] }).error_codes).toEqual([7000215]);
    expect((await get()).status).toBe(200);
  });

  it('is drivable over the control API', async () => {
    const control = (path: string, method = 'GET', body?: unknown) =>
      request(emulator, `${emulator.graphUrl}/_emulator/${path}`, {
        method,
        ...(body
          ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
          : {}),
      });
    expect(
      (await control('faults', 'POST', { kind: 'serverError', status: 502, count: 1 })).status
    ).toBe(201);
    expect((await get()).status).toBe(502);
    const report = (await control('faults')).json as { events: Array<{ kind: string }> };
    expect(report.events.at(-1)!.kind).toBe('serverError');
    await control(`tenants/${TENANT_ID}/state`, 'POST', { transportServicePrincipal: false });
    expect((await get()).status).toBe(401);
    await control(`tenants/${TENANT_ID}/state`, 'POST', { transportServicePrincipal: true });
    const log = (await control('requests')).json as {
      requests: unknown[];
      budgetThrottled: number;
    };
    expect(log.requests.length).toBeGreaterThan(0);
    const tenants = (await control('tenants')).json as {
      tenants: Array<{ plantedSenders: unknown[] }>;
    };
    expect(tenants.tenants[0]!.plantedSenders).toHaveLength(6);
    const now = Date.now();
    const truth = await control(
      `truth?start=${new Date(now - 3_600_000).toISOString()}&end=${new Date(now).toISOString()}`
    );
    expect((truth.json as { observations: unknown[] }).observations.length).toBeGreaterThan(0);
  });
});
