import { createServer } from 'node:net';
import type { TestConnectionResponse } from '../../../common/http_api/connections';
import {
  createSelfSignedCertificate,
  DOMAIN_READ_PERMISSION,
  DrivenClock,
  GraphEmulator,
} from '../../../test/graph_emulator';
import { CLIENT_ID, SECRET, TENANT_ID } from '../../../test/graph_emulator/test_support';
import { inMemoryBudgetStore } from '../budget/in_memory_budget_store';
import { RequestBudget } from '../budget/request_budget';
import { EXCHANGE_TRACE_APP_ID, GraphError } from '../graph/graph_error';
import type { GraphEndpoints } from '../graph/graph_hosts';
import { runConnectionTest } from './connection_test';
import { diagnosticClients, type ConnectionUnderTest } from './diagnostic_clients';
import { adminConsentUrl } from './explanations';

// Real time: MSAL dates its certificate assertions by the system clock, and Entra checks them.
const now = Date.now();
const EXPIRED_SECRET = 'Old8Q~expired-secret-value-0123456789abcd';
const certificate = createSelfSignedCertificate({ commonName: 'collector' });
const tenant = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`;
const NO_PRINCIPAL = tenant(2);
const NO_CONSENT = tenant(3);
const EMPTY = tenant(4);

function messageTraceApp(grantedPermissions?: string[]) {
  return {
    clientId: CLIENT_ID,
    secrets: [{ value: SECRET }, { value: EXPIRED_SECRET, expiresAt: now - 86_400_000 }],
    certificates: [certificate.certificatePem],
    ...(grantedPermissions ? { grantedPermissions } : {}),
  };
}

const row = {
  id: '6c2e6c5e-0000-4000-8000-000000000001',
  receivedDateTime: new Date(now - 10 * 60_000).toISOString(),
  recipientAddress: 'user@contoso.com',
  senderAddress: 'partner@fabrikam.com',
};

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the connection test against the emulator', () => {
  let emulator: GraphEmulator;
  let endpoints: GraphEndpoints;
  const clock = new DrivenClock(now, { autoAdvance: true });

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      clock,
      tenants: [
        { tenantId: TENANT_ID, apps: [messageTraceApp()], rows: [row] },
        {
          tenantId: NO_PRINCIPAL,
          apps: [messageTraceApp()],
          rows: [row],
          transportServicePrincipal: false,
        },
        { tenantId: NO_CONSENT, apps: [messageTraceApp([DOMAIN_READ_PERMISSION])], rows: [] },
        { tenantId: EMPTY, apps: [messageTraceApp()], rows: [] },
      ],
    });
    endpoints = {
      graphUrl: emulator.graphUrl,
      loginUrl: emulator.loginUrl,
      caCertificate: emulator.caCertificatePem,
    };
  });

  afterAll(() => emulator.stop());
  afterEach(() => emulator.faults.clear());

  function subject(
    overrides: Partial<ConnectionUnderTest> & { clientSecret?: string } = {}
  ): ConnectionUnderTest {
    const { clientSecret, ...rest } = overrides;
    return {
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      credential: { kind: 'secret', clientSecret: clientSecret ?? SECRET },
      ...rest,
    };
  }

  function clients(
    connection: ConnectionUnderTest,
    options: { endpoints?: GraphEndpoints; timeoutMs?: number } = {}
  ) {
    const budget = new RequestBudget(inMemoryBudgetStore(), clock, 60);
    const used = options.endpoints ?? endpoints;
    return {
      budget,
      deps: {
        ...diagnosticClients(connection, {
          endpoints: used,
          budget,
          clock,
          timeoutMs: options.timeoutMs ?? 5000,
          maxBudgetWaitMs: 1000,
        }),
        endpoints: used,
        now: () => clock.now(),
      },
    };
  }

  async function test(
    connection: ConnectionUnderTest,
    options?: Parameters<typeof clients>[1]
  ): Promise<TestConnectionResponse> {
    const result = await runConnectionTest(connection, clients(connection, options).deps);
    expect(result.steps.map((s) => s.id)).toEqual([
      'token',
      'permission',
      'servicePrincipal',
      'query',
    ]);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    return result;
  }

  const outcomes = (result: TestConnectionResponse) => result.steps.map((s) => s.outcome);
  const stepOf = (result: TestConnectionResponse, id: string) =>
    result.steps.find((s) => s.id === id)!;

  it('passes every step with a working app, using one request of the budget', async () => {
    const connection = subject();
    const { budget, deps } = clients(connection);
    const result = await runConnectionTest(connection, deps);
    expect(result.ok).toBe(true);
    expect(outcomes(result)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(result.steps.every((s) => typeof s.durationMs === 'number')).toBe(true);
    expect(stepOf(result, 'permission').message).toContain('Domain.Read.All is granted too');
    expect(stepOf(result, 'query').message).toContain('returned 1 message trace row');
    expect(await budget.used()).toBe(1);
    const list = emulator.requests.all().filter((r) => r.kind === 'list');
    expect(decodeURIComponent(list[list.length - 1]!.path)).toContain('$top=1');
  });

  it('also passes with a certificate, and says an empty hour is fine', async () => {
    const result = await test(
      subject({
        tenantId: EMPTY,
        credential: {
          kind: 'certificate',
          privateKeyPem: certificate.privateKeyPem,
          thumbprint: certificate.thumbprintSha1,
        },
      })
    );
    expect(result.ok).toBe(true);
    expect(stepOf(result, 'query').message).toContain('no mail in the last hour');
  });

  it('fails the token step on a wrong secret with the secret-ID explanation', async () => {
    const result = await test(
      subject({ clientSecret: 'Wrong8Q~not-the-secret-value-0123456789ab' })
    );
    expect(result.ok).toBe(false);
    expect(outcomes(result)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
    expect(stepOf(result, 'token')).toMatchObject({
      code: 'AADSTS7000215',
      message: expect.stringMatching(/^Invalid client secret provided/),
      cause: expect.stringContaining("secret's ID was pasted instead of its Value"),
    });
    expect(stepOf(result, 'token').message).not.toMatch(/Trace ID|Correlation ID/);
  });

  it('fails the token step on an expired secret', async () => {
    const result = await test(subject({ clientSecret: EXPIRED_SECRET }));
    expect(stepOf(result, 'token')).toMatchObject({
      outcome: 'failed',
      code: 'AADSTS7000222',
      fix: expect.stringContaining('create a new client secret'),
    });
    expect(JSON.stringify(result)).not.toContain(EXPIRED_SECRET);
  });

  it('fails the token step on an unknown client ID or tenant', async () => {
    const unknownApp = await test(subject({ clientId: 'bbbbbbbb-0000-4000-8000-000000000000' }));
    expect(stepOf(unknownApp, 'token')).toMatchObject({
      code: 'AADSTS700016',
      cause: expect.stringContaining('wrong'),
    });
    const unknownTenant = await test(subject({ tenantId: tenant(9) }));
    expect(stepOf(unknownTenant, 'token')).toMatchObject({
      code: 'AADSTS90002',
      fix: expect.stringContaining('Directory (tenant) ID'),
    });
  });

  it('fails the token step on a certificate the app does not know', async () => {
    const other = createSelfSignedCertificate({ commonName: 'other' });
    const result = await test(
      subject({
        credential: {
          kind: 'certificate',
          privateKeyPem: other.privateKeyPem,
          thumbprint: other.thumbprintSha256,
        },
      })
    );
    expect(stepOf(result, 'token')).toMatchObject({ outcome: 'failed', code: 'AADSTS700027' });
    const keyBody = other.privateKeyPem.split('\n')[1]!;
    expect(JSON.stringify(result)).not.toContain(keyBody);
  });

  it('fails the permission step when admin consent is missing, with the consent URL', async () => {
    const result = await test(subject({ tenantId: NO_CONSENT }));
    expect(outcomes(result)).toEqual(['passed', 'failed', 'skipped', 'skipped']);
    const permission = stepOf(result, 'permission');
    expect(permission.message).toContain('it carries Domain.Read.All');
    expect(permission.fix).toContain('Grant admin consent');
    expect(permission.fix).toContain(adminConsentUrl(NO_CONSENT, CLIENT_ID));
  });

  it('fails the service principal step with the command that creates it', async () => {
    const result = await test(subject({ tenantId: NO_PRINCIPAL }));
    expect(outcomes(result)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    expect(stepOf(result, 'servicePrincipal')).toMatchObject({
      code: 'HTTP 401',
      command: expect.stringContaining(`New-MgServicePrincipal -AppId ${EXCHANGE_TRACE_APP_ID}`),
      fix: expect.stringContaining(`az ad sp create --id ${EXCHANGE_TRACE_APP_ID}`),
    });
  });

  it('reports a 403 from the query on the query step with the consent fix', async () => {
    emulator.faults.inject({ kind: 'forbidden', tenantId: TENANT_ID });
    const result = await test(subject());
    expect(outcomes(result)).toEqual(['passed', 'passed', 'skipped', 'failed']);
    expect(stepOf(result, 'query')).toMatchObject({
      code: 'HTTP 403',
      fix: expect.stringContaining(adminConsentUrl(TENANT_ID, CLIENT_ID)),
    });
  });

  it("explains a 429 with Microsoft's per-tenant limit", async () => {
    emulator.faults.inject({ kind: 'throttle', tenantId: TENANT_ID, retryAfterSeconds: 42 });
    const query = stepOf(await test(subject()), 'query');
    expect(query).toMatchObject({ outcome: 'failed', code: 'HTTP 429' });
    expect(query.cause).toContain('100 message trace requests per 5 minutes per tenant');
    expect(query.fix).toContain('in 42 seconds');
  });

  it('fails the token step when the login host cannot be reached', async () => {
    const loginUrl = `https://127.0.0.1:${await closedPort()}`;
    const result = await test(subject(), { endpoints: { ...endpoints, loginUrl } });
    expect(stepOf(result, 'token')).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('ECONNREFUSED'),
      cause: expect.stringContaining(`cannot reach ${new URL(loginUrl).host}`),
      fix: expect.stringContaining('firewall'),
    });
  });

  it('fails on a timeout, of the token request or of the query', async () => {
    emulator.faults.inject({ kind: 'hang', target: 'token' });
    const token = stepOf(await test(subject(), { timeoutMs: 500 }), 'token');
    expect(token.cause).toContain('did not answer in time');
    expect(token.durationMs).toBeGreaterThanOrEqual(490);

    emulator.faults.inject({ kind: 'hang', target: 'list', tenantId: TENANT_ID });
    const query = stepOf(await test(subject(), { timeoutMs: 500 }), 'query');
    expect(query).toMatchObject({ outcome: 'failed' });
    expect(query.cause).toContain(`${new URL(emulator.graphUrl).host} did not answer in time`);
  });

  it('never lets a credential echoed by a failure into the result', async () => {
    const connection = subject();
    const echoing = {
      accessToken: () =>
        Promise.reject(new GraphError('authentication', `AADSTS50000: bad secret ${SECRET}`)),
    };
    const result = await runConnectionTest(connection, {
      ...clients(connection).deps,
      tokens: echoing,
    });
    expect(stepOf(result, 'token').message).toBe('bad secret [redacted]');
  });

  it("leaves a one-letter secret in ordinary words, and the plugin's own advice alone", async () => {
    const connection = subject({ clientSecret: 'x' });
    const failing = {
      accessToken: () =>
        Promise.reject(new GraphError('authentication', 'AADSTS7000215: Invalid client secret')),
    };
    const result = await runConnectionTest(connection, {
      ...clients(connection).deps,
      tokens: failing,
    });
    const token = stepOf(result, 'token');
    expect(token.message).toBe('Invalid client secret');
    expect(JSON.stringify(result)).not.toContain('[redacted]');
  });
});
