import {
  createSelfSignedCertificate,
  DrivenClock,
  GraphEmulator,
} from '../../../test/graph_emulator';
import {
  CLIENT_ID,
  SECRET,
  TENANT_ID,
  tenantSpec,
} from '../../../test/graph_emulator/test_support';
import { inMemoryBudgetStore } from '../budget/in_memory_budget_store';
import { RequestBudget } from '../budget/request_budget';
import { GraphClient } from './graph_client';
import { GraphError } from './graph_error';
import { DEFAULT_RETRY_POLICY } from './retry_policy';
import { TokenProvider } from './token_provider';

// Real time: MSAL dates its certificate assertions by the system clock, and Entra checks them.
const now = Date.now();
const HOUR = 3_600_000;
const row = (index: number, extra: object = {}) => ({
  id: `6c2e6c5e-0000-4000-8000-${String(index).padStart(12, '0')}`,
  receivedDateTime: new Date(now - index * 60_000).toISOString(),
  recipientAddress: `user${index}@contoso.com`,
  senderAddress: 'partner@fabrikam.com',
  ...extra,
});

describe('GraphClient against the emulator', () => {
  let emulator: GraphEmulator;
  const clock = new DrivenClock(now, { autoAdvance: true });

  beforeAll(async () => {
    emulator = await GraphEmulator.start({ clock });
    emulator.addTenant(
      tenantSpec({ domains: [{ id: 'contoso.com' }, { id: 'contoso.co.uk' }] }, [
        ...Array.from({ length: 7 }, (_, index) => row(index + 1)),
        row(8, { status: 'recalled' }),
      ])
    );
  });

  afterAll(async () => {
    await emulator.stop();
  });

  function client(options: { secret?: string; pageSize?: number } = {}) {
    const endpoints = {
      graphUrl: emulator.graphUrl,
      loginUrl: emulator.loginUrl,
      caCertificate: emulator.caCertificatePem,
    };
    return new GraphClient({
      endpoints,
      tokens: new TokenProvider({
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        credential: { kind: 'secret', clientSecret: options.secret ?? SECRET },
        endpoints,
        timeoutMs: 5000,
      }),
      budget: new RequestBudget(inMemoryBudgetStore(), clock, 60),
      clock,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 },
      pageSize: options.pageSize ?? 3,
    });
  }

  it('pages through a window by following nextLink, with recalled rows shown as recalled', async () => {
    const graph = client();
    const window = { start: now - 2 * HOUR, end: now };
    const ids: string[] = [];
    let page = await graph.listMessageTraces({ window });
    ids.push(...page.rows.map((r) => r.id));
    while (page.nextLink) {
      page = await graph.listMessageTraces({ nextLink: page.nextLink });
      ids.push(...page.rows.map((r) => r.id));
    }
    expect(ids.sort()).toEqual(Array.from({ length: 8 }, (_, index) => row(index + 1).id).sort());
    const all = await client({ pageSize: 100 }).listMessageTraces({ window });
    expect(all.rows.find((r) => r.id === row(8).id)?.status).toBe('recalled');
  });

  it('fetches the per-recipient event trail', async () => {
    const { events } = await client().detailsByRecipient(row(1).id, row(1).recipientAddress);
    expect(events.map((event) => event.event)).toContain('Receive');
    expect(events.every((event) => !Number.isNaN(Date.parse(event.dateTime)))).toBe(true);
  });

  it('lists the verified domains of the tenant', async () => {
    expect(await client().verifiedDomains()).toEqual(
      expect.arrayContaining(['contoso.com', 'contoso.co.uk'])
    );
  });

  it('classifies setup failures so the status can say what to fix', async () => {
    emulator.tenant(TENANT_ID).transportServicePrincipal = false;
    const missing = await client()
      .listMessageTraces({ window: { start: now - HOUR, end: now } })
      .catch((e: GraphError) => e);
    emulator.tenant(TENANT_ID).transportServicePrincipal = true;
    expect(missing).toMatchObject({ kind: 'servicePrincipalMissing', transient: false });

    const wrongSecret = await client({ secret: 'wrong' })
      .listMessageTraces({ window: { start: now - HOUR, end: now } })
      .catch((e: GraphError) => e);
    expect(wrongSecret).toBeInstanceOf(GraphError);
    expect(wrongSecret).toMatchObject({ kind: 'authentication', details: { aadsts: 7000215 } });
  });

  it('authenticates with a certificate, by its SHA-1 (as Entra shows it) or SHA-256 thumbprint', async () => {
    const certificate = createSelfSignedCertificate({ commonName: 'collector' });
    const clientId = 'c0ffee00-0000-4000-8000-000000000001';
    emulator.addTenant({
      tenantId: 'c0ffee00-0000-4000-8000-00000000000a',
      apps: [{ clientId, certificates: [certificate.certificatePem] }],
      rows: [row(1)],
    });
    const endpoints = {
      graphUrl: emulator.graphUrl,
      loginUrl: emulator.loginUrl,
      caCertificate: emulator.caCertificatePem,
    };
    for (const thumbprint of [certificate.thumbprintSha1, certificate.thumbprintSha256]) {
      const tokens = new TokenProvider({
        tenantId: 'c0ffee00-0000-4000-8000-00000000000a',
        clientId,
        credential: { kind: 'certificate', privateKeyPem: certificate.privateKeyPem, thumbprint },
        endpoints,
        timeoutMs: 5000,
      });
      expect((await tokens.accessToken()).length).toBeGreaterThan(20);
    }
  });

  it('refuses windows over 10 days and links to other hosts', async () => {
    expect(() => client().messageTracesUrl({ start: now - 11 * 24 * HOUR, end: now })).toThrow(
      '10 days'
    );
    await expect(
      client().listMessageTraces({ nextLink: 'https://attacker.example/v1.0/x' })
    ).rejects.toThrow('outside');
  });
});
