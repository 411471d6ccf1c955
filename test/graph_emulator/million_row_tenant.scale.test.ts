import { GraphEmulator } from './graph_emulator';
import { DAY, T0, getToken, graphGet, tenantSpec, traceUrl, type Page } from './test_support';
import { DrivenClock } from './clock';

// ~1,000,000 rows in a 10-day window, generated on demand per minute bucket. Its own jest project
// (emulator-scale): `npm test` runs it, `--selectProjects unit` does not.
jest.setTimeout(180_000);

describe('a 1,000,000-row tenant', () => {
  it('streams a 10-day window page by page with flat memory', async () => {
    const clock = new DrivenClock(T0);
    const emulator = await GraphEmulator.start({
      tls: false,
      clock,
      throttle: false,
      tenants: [
        tenantSpec({
          synthetic: { seed: 99, rowsPerDay: 105_000, anchorMs: T0, lateArrivals: false },
        }),
      ],
    });
    try {
      const token = await getToken(emulator);
      let next: string | undefined = `${traceUrl(emulator, T0 - 10 * DAY, T0)}&$top=5000`;
      let rows = 0;
      let pages = 0;
      const rss: number[] = [];
      let newest = Infinity;
      let outOfOrder = 0;
      while (next) {
        const result = await graphGet(emulator, next, token);
        expect(result.status).toBe(200);
        const page = result.json as Page;
        for (const row of page.value) {
          const t = Date.parse(String(row.receivedDateTime));
          if (t > newest) outOfOrder++;
          newest = t;
        }
        rows += page.value.length;
        pages++;
        next = page['@odata.nextLink'];
        if (pages % 20 === 0) rss.push(process.memoryUsage().rss);
      }
      console.log(
        `scale: ${rows} rows in ${pages} pages; rss MB per 20 pages: ${rss.map((b) => Math.round(b / 1e6)).join(' ')}`
      );
      expect(rows).toBeGreaterThan(950_000);
      expect(outOfOrder).toBe(0);
      // Flat, not growing with rows: the last sample is not far above the first.
      expect(rss.at(-1)! - rss[0]!).toBeLessThan(300e6);
    } finally {
      await emulator.stop();
    }
  });
});
