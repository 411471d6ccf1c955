import { DrivenClock } from './clock';
import type { ExplicitRow } from './explicit_rows';
import { GraphEmulator } from './graph_emulator';
import {
  CLIENT_ID,
  DAY,
  HOUR,
  T0,
  TENANT_ID,
  allPages,
  getToken,
  graphGet,
  tenantSpec,
  traceUrl,
  type Page,
} from './test_support';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const rows: ExplicitRow[] = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    receivedDateTime: iso(T0 - 2 * HOUR),
    recipientAddress: 'adele@contoso.com',
    senderAddress: 'orders@fabrikam.com',
    subject: 'Invoice 12',
    status: 'delivered',
  },
  {
    id: 'a0000000-0000-4000-8000-000000000002',
    receivedDateTime: iso(T0 - 3 * HOUR),
    recipientAddress: 'alex@contoso.com',
    status: 'recalled',
    direction: 'internal',
    toIP: null,
  },
  // Arrives late: received 5 h ago, visible only 1 h from now.
  {
    id: 'a0000000-0000-4000-8000-000000000003',
    receivedDateTime: iso(T0 - 5 * HOUR),
    recipientAddress: 'bianca@contoso.com',
    availableAt: T0 + HOUR,
  },
  // Timeline: gettingStatus now, delivered in 30 minutes.
  {
    id: 'a0000000-0000-4000-8000-000000000004',
    receivedDateTime: iso(T0 - 20 * 60_000),
    recipientAddress: 'diego@contoso.com',
    timeline: [
      { status: 'gettingStatus', from: T0 - 15 * 60_000 },
      { status: 'delivered', from: T0 + 30 * 60_000 },
    ],
  },
  {
    id: 'a0000000-0000-4000-8000-000000000005',
    receivedDateTime: iso(T0 - 4 * HOUR),
    recipientAddress: 'emily@contoso.com',
    status: 'filteredAsSpam',
    senderAddress: 'offers@bestdeals-promo.biz',
  },
];

describe('messageTraces list', () => {
  const clock = new DrivenClock(T0);
  let emulator: GraphEmulator;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      tls: false,
      clock,
      throttle: false,
      tenants: [tenantSpec({}, rows)],
    });
  });
  afterAll(() => emulator.stop());

  // A fresh token per call: these tests move the clock past the 3599 s token lifetime.
  const get = async (url: string, headers: Record<string, string> = {}) =>
    graphGet(emulator, url, await getToken(emulator), headers);
  const statusOf = (page: Page, id: string) => page.value.find((r) => r.id === id)?.status;

  it('returns rows newest first with the documented shape and @odata.context', async () => {
    const result = await get(traceUrl(emulator, T0 - DAY, T0));
    expect(result.status).toBe(200);
    const page = result.json as Page;
    expect(page['@odata.context']).toBe(
      `${emulator.graphUrl}/v1.0/$metadata#admin/exchange/tracing/messageTraces`
    );
    expect(page.value.map((r) => r.id)).toEqual([
      'a0000000-0000-4000-8000-000000000004',
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000002',
      'a0000000-0000-4000-8000-000000000005',
    ]);
    expect(Object.keys(page.value[1]!)).toEqual([
      'id',
      'senderAddress',
      'recipientAddress',
      'messageId',
      'receivedDateTime',
      'subject',
      'size',
      'fromIP',
      'toIP',
      'status',
    ]);
    expect(page.value[1]).toMatchObject({
      receivedDateTime: iso(T0 - 2 * HOUR),
      toIP: '',
      status: 'delivered',
    });
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('maps recalled to unknownFutureValue unless Prefer: include-unknown-enum-members', async () => {
    const url = traceUrl(emulator, T0 - DAY, T0);
    expect(statusOf((await get(url)).json as Page, 'a0000000-0000-4000-8000-000000000002')).toBe(
      'unknownFutureValue'
    );
    const preferred = (await get(url, { Prefer: 'include-unknown-enum-members' })).json as Page;
    expect(statusOf(preferred, 'a0000000-0000-4000-8000-000000000002')).toBe('recalled');
  });

  it('beta spells statuses PascalCase', async () => {
    const page = (await get(traceUrl(emulator, T0 - DAY, T0, '', 'beta'))).json as Page;
    expect(page['@odata.context']).toContain('/beta/$metadata#');
    expect(statusOf(page, 'a0000000-0000-4000-8000-000000000001')).toBe('Delivered');
    expect(statusOf(page, 'a0000000-0000-4000-8000-000000000005')).toBe('FilteredAsSpam');
  });

  it('supports extra eq and subject clauses, in any order', async () => {
    const filter = `senderAddress eq 'ORDERS@fabrikam.com' and receivedDateTime le ${iso(T0)} and contains(subject,'invoice') and receivedDateTime ge ${iso(T0 - DAY)}`;
    const page = (
      await get(
        `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}`
      )
    ).json as Page;
    expect(page.value.map((r) => r.id)).toEqual(['a0000000-0000-4000-8000-000000000001']);
    const byStatus = (
      await get(traceUrl(emulator, T0 - DAY, T0, " and status eq 'filteredAsSpam'"))
    ).json as Page;
    expect(byStatus.value.map((r) => r.id)).toEqual(['a0000000-0000-4000-8000-000000000005']);
  });

  it('without $filter answers the previous 48 hours', async () => {
    const page = (await get(`${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`))
      .json as Page;
    expect(page.value).toHaveLength(4);
  });

  it.each([
    ['a missing bound', `receivedDateTime ge ${iso(T0 - DAY)}`, 'Both bounds'],
    [
      'an interval over 10 days',
      `receivedDateTime ge ${iso(T0 - 10 * DAY - 1000)} and receivedDateTime le ${iso(T0)}`,
      '10 days',
    ],
    [
      'a start older than 90 days',
      `receivedDateTime ge ${iso(T0 - 91 * DAY)} and receivedDateTime le ${iso(T0 - 85 * DAY)}`,
      '90 days',
    ],
    [
      'an end in the future',
      `receivedDateTime ge ${iso(T0 - DAY)} and receivedDateTime le ${iso(T0 + 10 * 60_000)}`,
      'later than the current date',
    ],
    [
      'start after end',
      `receivedDateTime ge ${iso(T0)} and receivedDateTime le ${iso(T0 - DAY)}`,
      'earlier than its end',
    ],
    [
      'a quoted date',
      `receivedDateTime ge '${iso(T0 - DAY)}' and receivedDateTime le ${iso(T0)}`,
      'not a valid DateTimeOffset',
    ],
    [
      'gt instead of ge',
      `receivedDateTime gt ${iso(T0 - DAY)} and receivedDateTime le ${iso(T0)}`,
      "'gt' is not supported",
    ],
    [
      'or',
      `receivedDateTime ge ${iso(T0 - DAY)} and receivedDateTime le ${iso(T0)} and (senderAddress eq 'a@b.c' or senderAddress eq 'd@e.f')`,
      "'or'",
    ],
    [
      'an unfilterable property',
      `receivedDateTime ge ${iso(T0 - DAY)} and receivedDateTime le ${iso(T0)} and size eq '5'`,
      "'size'",
    ],
  ])('400 BadRequest for %s', async (_name, filter, message) => {
    const result = await get(
      `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}`
    );
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: {
        code: 'BadRequest',
        message: expect.stringContaining(message),
        innerError: { 'request-id': expect.any(String) },
      },
    });
  });

  it('accepts exactly 10 days, and an end a few seconds ahead of the server clock', async () => {
    expect((await get(traceUrl(emulator, T0 - 10 * DAY, T0))).status).toBe(200);
    expect((await get(traceUrl(emulator, T0 - DAY, T0 + 5000))).status).toBe(200);
  });

  it.each(['0', '5001', 'abc', '10.5'])('400 for $top=%s, and 1 and 5000 are fine', async (top) => {
    expect((await get(`${traceUrl(emulator, T0 - DAY, T0)}&$top=${top}`)).status).toBe(400);
    expect((await get(`${traceUrl(emulator, T0 - DAY, T0)}&$top=1`)).status).toBe(200);
    expect((await get(`${traceUrl(emulator, T0 - DAY, T0)}&$top=5000`)).status).toBe(200);
  });

  it('pages with an absolute nextLink carrying the original query; altered tokens are refused', async () => {
    const first = (await get(`${traceUrl(emulator, T0 - DAY, T0)}&$top=2`)).json as Page;
    const next = first['@odata.nextLink']!;
    expect(next.startsWith(`${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces?`)).toBe(
      true
    );
    expect(next).toContain('$top=2');
    expect(next).toMatch(/&\$skiptoken=[A-Za-z0-9_-]+$/);
    const second = (await get(next)).json as Page;
    expect(second.value).toHaveLength(2);
    expect(second['@odata.nextLink']).toBeUndefined();
    const tampered = next.slice(0, -3) + (next.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await get(tampered)).status).toBe(400);
    // Same token, different query: refused.
    expect((await get(next.replace('%24top=2', '$top=3').replace('$top=2', '$top=3'))).status).toBe(
      400
    );
    const beta = (await get(`${traceUrl(emulator, T0 - DAY, T0, '', 'beta')}&$top=2`)).json as Page;
    expect(beta['@odata.nextLink']).toMatch(/&\$skipToken=/);
  });

  it('expires skiptokens', async () => {
    const first = (await get(`${traceUrl(emulator, T0 - DAY, T0)}&$top=1`)).json as Page;
    clock.advance(2 * HOUR);
    const result = await get(first['@odata.nextLink']!);
    clock.setTime(T0);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.json)).toContain('expired');
  });

  it('late rows appear once available; statuses follow their timeline', async () => {
    const url = traceUrl(emulator, T0 - DAY, T0);
    let page = (await get(url)).json as Page;
    expect(page.value.some((r) => r.id === 'a0000000-0000-4000-8000-000000000003')).toBe(false);
    expect(statusOf(page, 'a0000000-0000-4000-8000-000000000004')).toBe('gettingStatus');
    clock.advance(HOUR);
    page = (await get(url)).json as Page;
    expect(page.value.some((r) => r.id === 'a0000000-0000-4000-8000-000000000003')).toBe(true);
    expect(statusOf(page, 'a0000000-0000-4000-8000-000000000004')).toBe('delivered');
    const truth = emulator.truthObservations(TENANT_ID, {
      start: T0 - DAY,
      end: T0,
      at: clock.now(),
    });
    expect(truth.map((o) => o.id).sort()).toEqual(page.value.map((r) => String(r.id)).sort());
    clock.setTime(T0);
  });

  it('getDetailsByRecipient returns events; 404 for unknown id or recipient', async () => {
    const base = `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`;
    const ok = await get(
      `${base}/a0000000-0000-4000-8000-000000000005/getDetailsByRecipient(recipientAddress='emily@contoso.com')`
    );
    expect(ok.status).toBe(200);
    const details = ok.json as Page;
    expect(details['@odata.context']).toContain(
      '#Collection(microsoft.graph.exchangeMessageTraceDetail)'
    );
    expect(details.value.map((d) => d.event)).toEqual(['Receive', 'Spam', 'Deliver']);
    expect(details.value[0]).toMatchObject({
      id: 'a0000000-0000-4000-8000-000000000005',
      action: '',
      data: expect.stringMatching(/^<root><MEP Name="ServerHostname" String=".+" \/>.*<\/root>$/),
    });
    const encoded = await get(
      `${base}/a0000000-0000-4000-8000-000000000005/getDetailsByRecipient(recipientAddress=%27emily%40contoso.com%27)`
    );
    expect(encoded.status).toBe(200);
    expect(
      (
        await get(
          `${base}/a0000000-0000-4000-8000-000000000005/getDetailsByRecipient(recipientAddress='nobody@contoso.com')`
        )
      ).status
    ).toBe(404);
    expect(
      (
        await get(
          `${base}/ffffffff-0000-4000-8000-000000000009/getDetailsByRecipient(recipientAddress='emily@contoso.com')`
        )
      ).status
    ).toBe(404);
    // Not yet available → not found either.
    expect(
      (
        await get(
          `${base}/a0000000-0000-4000-8000-000000000003/getDetailsByRecipient(recipientAddress='bianca@contoso.com')`
        )
      ).status
    ).toBe(404);
  });
});

describe('tenant setup states', () => {
  it('401 without the Transport Data Platform service principal, 403 without consent, domains need Domain.Read.All', async () => {
    const emulator = await GraphEmulator.start({
      tls: false,
      tenants: [
        tenantSpec({
          transportServicePrincipal: false,
          apps: [{ clientId: CLIENT_ID, secrets: [{ value: 'sec~ret' }], grantedPermissions: [] }],
        }),
      ],
    });
    try {
      const url = `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`;
      let token = await getToken(emulator, TENANT_ID, CLIENT_ID, 'sec~ret');
      const sp = await graphGet(emulator, url, token);
      expect(sp.status).toBe(401);
      expect((sp.json as { error: { message: string } }).error.message).toMatch(
        /^Service principal-less Authentication failed: the service principal for App ID 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373 was not found/
      );
      const tenant = emulator.tenant(TENANT_ID);
      tenant.transportServicePrincipal = true;
      const forbidden = await graphGet(emulator, url, token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.json).toMatchObject({
        error: {
          code: 'Forbidden',
          message: expect.stringContaining("'ExchangeMessageTrace.Read.All'"),
        },
      });
      const domainsDenied = await graphGet(emulator, `${emulator.graphUrl}/v1.0/domains`, token);
      expect(domainsDenied.status).toBe(403);
      expect(domainsDenied.json).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
      // Consent takes effect with a new token (roles are stamped at issuance).
      tenant.grant(CLIENT_ID, 'ExchangeMessageTrace.Read.All');
      tenant.grant(CLIENT_ID, 'Domain.Read.All');
      expect((await graphGet(emulator, url, token)).status).toBe(403);
      token = await getToken(emulator, TENANT_ID, CLIENT_ID, 'sec~ret');
      expect((await graphGet(emulator, url, token)).status).toBe(200);
      const domains = await graphGet(emulator, `${emulator.graphUrl}/v1.0/domains`, token);
      expect((domains.json as Page).value).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'contoso.com', isVerified: true, isDefault: true }),
          expect.objectContaining({ id: 'contoso.co.uk' }),
        ])
      );
      expect(emulator.requests.all().some((r) => r.kind === 'list' && r.status === 401)).toBe(true);
    } finally {
      await emulator.stop();
    }
  });
});

describe('paging a synthetic tenant', () => {
  it('follows nextLink and returns every available row exactly once, even while time passes', async () => {
    const clock = new DrivenClock(T0);
    const emulator = await GraphEmulator.start({
      tls: false,
      clock,
      throttle: false,
      tenants: [tenantSpec({ synthetic: { seed: 7, rowsPerDay: 5000, anchorMs: T0 } })],
    });
    try {
      const start = T0 - 2 * DAY;
      const expected = emulator.truthObservations(TENANT_ID, { start, end: T0, at: T0 });
      const seen = new Set<string>();
      let next: string | undefined = `${traceUrl(emulator, start, T0)}&$top=700`;
      let pages = 0;
      while (next) {
        const page = (await graphGet(emulator, next, await getToken(emulator))).json as Page;
        for (const row of page.value) {
          const key = `${row.id}|${row.recipientAddress}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
        next = page['@odata.nextLink'];
        pages++;
        clock.advance(20 * 60_000); // late rows arriving meanwhile must not shift the pages
      }
      expect(pages).toBeGreaterThan(5);
      expect(seen.size).toBe(expected.length);
      expect([...seen].sort()).toEqual(expected.map((o) => `${o.id}|${o.recipientAddress}`).sort());
      // Newest first within a page.
      const page = (
        await allPages(emulator, `${traceUrl(emulator, T0 - HOUR, T0)}`, await getToken(emulator))
      )[0]!;
      const times = page.value.map((r) => Date.parse(String(r.receivedDateTime)));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    } finally {
      await emulator.stop();
    }
  });
});
