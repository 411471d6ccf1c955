import { CONNECTION_DEFAULTS } from '../../common/connection';
import type { ConnectionView } from '../../common/http_api/connections';

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** A stored connection as the API returns it: secret set, a healthy last run. */
export function connectionView(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'c1',
    settings: {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso',
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      authMethod: 'secret',
      localDomains: ['contoso.com'],
    },
    secrets: { clientSecret: true, certificatePrivateKey: false },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: {
      lastRunAt: new Date(Date.now() - 60_000).toISOString(),
      lastSuccessAt: new Date(Date.now() - 60_000).toISOString(),
      collectedUntil: new Date(Date.now() - 10 * 60_000).toISOString(),
      documentsLastRun: 1234,
      rowsRejectedLastRun: 2,
      budgetUsed: 12,
      budgetLimit: 60,
    },
    task: { health: 'idle', nextRunAt: new Date(Date.now() + 4 * 60_000).toISOString() },
    authorization: {
      state: 'granted',
      grantedBy: 'mail_admin',
      grantedAt: '2026-01-01T00:00:00.000Z',
    },
    ...overrides,
  };
}
