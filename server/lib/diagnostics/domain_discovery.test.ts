import { GraphEmulator, MESSAGE_TRACE_PERMISSION } from '../../../test/graph_emulator';
import { CLIENT_ID, SECRET, TENANT_ID } from '../../../test/graph_emulator/test_support';
import { inMemoryBudgetStore } from '../budget/in_memory_budget_store';
import { RequestBudget } from '../budget/request_budget';
import type { ClientCredential } from '../graph/token_provider';
import { diagnosticClients } from './diagnostic_clients';
import { discoverDomains } from './domain_discovery';

const DOMAINS_DENIED = '55555555-0000-4000-8000-000000000000';
const app = (grantedPermissions?: string[]) => ({
  clientId: CLIENT_ID,
  secrets: [{ value: SECRET }],
  ...(grantedPermissions ? { grantedPermissions } : {}),
});

describe('domain discovery against the emulator', () => {
  let emulator: GraphEmulator;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      tenants: [
        {
          tenantId: TENANT_ID,
          apps: [app()],
          domains: ['contoso.com', { id: 'unverified.example', isVerified: false }],
          rows: [],
        },
        { tenantId: DOMAINS_DENIED, apps: [app([MESSAGE_TRACE_PERMISSION])], rows: [] },
      ],
    });
  });

  afterAll(() => emulator.stop());

  function discover(
    tenantId: string,
    credential: ClientCredential = { kind: 'secret', clientSecret: SECRET }
  ) {
    const endpoints = {
      graphUrl: emulator.graphUrl,
      loginUrl: emulator.loginUrl,
      caCertificate: emulator.caCertificatePem,
    };
    const connection = { tenantId, clientId: CLIENT_ID, credential };
    const budget = new RequestBudget(inMemoryBudgetStore(), emulator.clock, 60);
    const clientsForTenant = diagnosticClients(connection, {
      endpoints,
      budget,
      clock: emulator.clock,
      timeoutMs: 5000,
      maxBudgetWaitMs: 1000,
    });
    return discoverDomains(connection, { ...clientsForTenant, endpoints });
  }

  it('lists the verified domains when the app has Domain.Read.All', async () => {
    expect(await discover(TENANT_ID)).toEqual({ available: true, domains: ['contoso.com'] });
  });

  it('explains a missing Domain.Read.All and that the domains can be typed in', async () => {
    const result = await discover(DOMAINS_DENIED);
    expect(result).toMatchObject({ available: false });
    expect(!result.available && result.reason).toMatch(/Domain\.Read\.All.*type the local domains/);
  });

  it('explains a failed sign-in without the secret', async () => {
    const wrong = 'Wrong8Q~not-the-secret-value-0123456789ab';
    const result = await discover(TENANT_ID, { kind: 'secret', clientSecret: wrong });
    expect(result).toMatchObject({
      available: false,
      reason: expect.stringContaining('AADSTS7000215'),
    });
    expect(JSON.stringify(result)).not.toContain(wrong);
  });
});
