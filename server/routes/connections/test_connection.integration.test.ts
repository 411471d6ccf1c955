import { CONNECTION_DEFAULTS } from '../../../common/connection';
import {
  DISCOVER_DOMAINS_API_PATH,
  TEST_CONNECTION_API_PATH,
  type TestConnectionRequest,
} from '../../../common/http_api/connections';
import { MESSAGE_TRACE_PERMISSION, type GraphEmulator } from '../../../test/graph_emulator';
import { CLIENT_ID, SECRET, TENANT_ID } from '../../../test/graph_emulator/test_support';
import { startEmulatedGraphHost } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../saved_objects/connection_type';

const NO_DOMAIN_READ = '22222222-0000-4000-8000-000000000000';

describe('the connection test and domain discovery routes', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    emulator.addTenant({
      tenantId: TENANT_ID,
      apps: [{ clientId: CLIENT_ID, secrets: [{ value: SECRET }] }],
      domains: ['contoso.com', 'contoso.onmicrosoft.com'],
      rows: [],
    });
    emulator.addTenant({
      tenantId: NO_DOMAIN_READ,
      apps: [
        {
          clientId: CLIENT_ID,
          secrets: [{ value: SECRET }],
          grantedPermissions: [MESSAGE_TRACE_PERMISSION],
        },
      ],
      rows: [],
    });
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  const request = (overrides: Partial<TestConnectionRequest> = {}): TestConnectionRequest => ({
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    authMethod: 'secret',
    secrets: { clientSecret: SECRET },
    ...overrides,
  });

  async function savedConnection(clientSecret: string) {
    const now = new Date().toISOString();
    const saved = await host.savedObjects
      .repository([CONNECTION_SAVED_OBJECT_TYPE])
      .create(CONNECTION_SAVED_OBJECT_TYPE, {
        ...CONNECTION_DEFAULTS,
        name: 'Contoso',
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        authMethod: 'secret',
        localDomains: ['contoso.com'],
        clientSecret,
        createdAt: now,
        updatedAt: now,
      });
    return saved.id;
  }

  it('runs every step for a user who may manage connections', async () => {
    const response = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request(),
    });
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    expect(response.body.steps.map((s: { outcome: string }) => s.outcome)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    // The test request counts against the tenant's budget: its share for on-demand requests.
    const lists = emulator.requests.all().filter((r) => r.kind === 'list');
    expect(lists).toHaveLength(1);
  });

  it('answers a wrong secret with the explanation, not an error, and never echoes it', async () => {
    const wrong = 'Wrong8Q~not-the-secret-value-0123456789ab';
    const response = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request({ secrets: { clientSecret: wrong } }),
    });
    expect(response.status).toBe(200);
    expect(response.body.steps[0]).toMatchObject({ outcome: 'failed', code: 'AADSTS7000215' });
    expect(JSON.stringify(response.body)).not.toContain(wrong);
    expect(host.logSink.lines.map((line) => line.message).join('\n')).not.toContain(wrong);
  });

  it("uses a saved connection's secret when the request leaves it out", async () => {
    const connectionId = await savedConnection(SECRET);
    const stored = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request({ connectionId, secrets: {} }),
    });
    expect(stored.status).toBe(200);
    expect(stored.body.ok).toBe(true);
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);

    // A secret in the request wins over the stored one.
    const typed = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request({
        connectionId,
        secrets: { clientSecret: 'Typed8Q~a-new-secret-value-0123456789abcd' },
      }),
    });
    expect(typed.body.steps[0]).toMatchObject({ outcome: 'failed', code: 'AADSTS7000215' });

    const missing = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request({ connectionId: 'no-such-connection', secrets: {} }),
    });
    expect(missing.status).toBe(404);
  });

  it('answers 400 for bad input, naming the field without quoting a secret', async () => {
    const invalid = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: {
        ...request(),
        tenantId: 'not a tenant',
        secrets: { certificatePrivateKey: 'MIIEv-secret-key' },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('tenantId');
    expect(invalid.body.message).toContain('secrets.certificatePrivateKey');
    expect(invalid.body.message).not.toContain('MIIEv-secret-key');

    const noSecret = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: request({ secrets: {} }),
    });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.message).toContain('secrets.clientSecret: required');
  });

  it('refuses a user who may only read', async () => {
    for (const path of [TEST_CONNECTION_API_PATH, DISCOVER_DOMAINS_API_PATH]) {
      const response = await callRoute(host, 'POST', path, {
        user: 'soc_analyst',
        body: request(),
      });
      expect(response.status).toBe(403);
    }
  });

  it('discovers the verified domains when the app may read them', async () => {
    const response = await callRoute(host, 'POST', DISCOVER_DOMAINS_API_PATH, {
      user: 'mail_admin',
      body: request(),
    });
    expect(response).toEqual({
      status: 200,
      body: { available: true, domains: ['contoso.com', 'contoso.onmicrosoft.com'] },
    });
  });

  it('explains why the domains cannot be read without Domain.Read.All', async () => {
    const response = await callRoute(host, 'POST', DISCOVER_DOMAINS_API_PATH, {
      user: 'mail_admin',
      body: request({ tenantId: NO_DOMAIN_READ }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      available: false,
      reason: expect.stringMatching(/Domain\.Read\.All.*type the local domains/),
    });
  });
});
