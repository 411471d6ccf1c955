import { DrivenClock } from './clock';
import { GraphEmulator } from './graph_emulator';
import {
  DAY,
  T0,
  TENANT_ID,
  getToken,
  graphGet,
  tenantSpec,
  traceUrl,
  type Page,
} from './test_support';

describe('message trace throttling', () => {
  it('429 TooManyRequests after 100 requests in 5 minutes, Retry-After = when the oldest leaves the window', async () => {
    const clock = new DrivenClock(T0);
    const emulator = await GraphEmulator.start({
      tls: false,
      clock,
      tenants: [tenantSpec({}, [])],
    });
    try {
      const token = await getToken(emulator);
      const url = traceUrl(emulator, T0 - DAY, T0);
      for (let i = 0; i < 100; i++) {
        expect((await graphGet(emulator, url, token)).status).toBe(200);
        if (i === 0) clock.advance(10_000); // the oldest request is 10 s older than the rest
      }
      // Detail calls share the budget.
      const detail = await graphGet(
        emulator,
        `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces/x/getDetailsByRecipient(recipientAddress='a@b.c')`,
        token
      );
      expect(detail.status).toBe(429);
      clock.advance(1500);
      const throttled = await graphGet(emulator, url, token);
      expect(throttled.status).toBe(429);
      expect(throttled.json).toMatchObject({
        error: { code: 'TooManyRequests', message: expect.any(String) },
      });
      // Oldest at T0, window 300 s, now T0 + 11.5 s → 288.5 s → 289.
      expect(throttled.headers['retry-after']).toBe('289');
      // Token calls do not count and are never throttled.
      await getToken(emulator);
      clock.advance(289_000);
      expect((await graphGet(emulator, url, token)).status).toBe(200);
      expect((await graphGet(emulator, url, token)).status).toBe(429); // the other 99 are still inside
      expect(emulator.requests.budgetThrottled()).toHaveLength(3);
      expect(
        emulator.requests
          .budgetThrottled()
          .every((r) => r.tenantId === TENANT_ID && r.status === 429)
      ).toBe(true);
    } finally {
      await emulator.stop();
    }
  });

  it('a client that honours Retry-After on an auto-advancing clock finishes 250 requests in seconds, without overrunning after the first 429', async () => {
    const clock = new DrivenClock(T0, { autoAdvance: true });
    const emulator = await GraphEmulator.start({
      tls: false,
      clock,
      tenants: [tenantSpec({ synthetic: { seed: 3, rowsPerDay: 2000, anchorMs: T0 } })],
    });
    try {
      const started = Date.now();
      let ok = 0;
      let throttled = 0;
      while (ok < 250) {
        const token = await getToken(emulator);
        const result = await graphGet(
          emulator,
          `${traceUrl(emulator, clock.now() - DAY, clock.now())}&$top=10`,
          token
        );
        if (result.status === 429) {
          throttled++;
          await clock.sleep(Number(result.headers['retry-after']) * 1000);
        } else {
          expect((result.json as Page).value).toHaveLength(10);
          ok++;
        }
      }
      expect(throttled).toBe(2);
      expect(clock.now() - T0).toBeGreaterThanOrEqual(10 * 60_000);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await emulator.stop();
    }
  });

  it('can be disabled', async () => {
    const emulator = await GraphEmulator.start({
      tls: false,
      throttle: false,
      tenants: [tenantSpec({}, [])],
    });
    try {
      const token = await getToken(emulator);
      for (let i = 0; i < 120; i++)
        expect(
          (
            await graphGet(
              emulator,
              `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`,
              token
            )
          ).status
        ).toBe(200);
      expect(emulator.requests.budgetThrottled()).toHaveLength(0);
    } finally {
      await emulator.stop();
    }
  });
});
