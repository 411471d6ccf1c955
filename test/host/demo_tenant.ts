import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import {
  CONNECTIONS_API_PATH,
  type CreateConnectionRequest,
  type ListConnectionsResponse,
} from '../../common/http_api/connections';
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_TENANT_ID,
  demoTenantSpec,
  GraphEmulator,
} from '../graph_emulator';
import type { KibanaHost } from './kibana_host';
import { REPO_ROOT } from './plugin_manifest';
import { callRoute } from './test_support';

const DAY = 86_400_000;

/** The emulator's demo tenant, and the kibana.yml settings that point the plugin at it. */
export async function startDemoTenant() {
  const emulator = await GraphEmulator.start({
    tenants: [demoTenantSpec({ historyStartMs: Date.now() - 30 * DAY })],
  });
  const caFile = path.join(REPO_ROOT, '.cache', 'graph_emulator', 'ca.pem');
  mkdirSync(path.dirname(caFile), { recursive: true });
  writeFileSync(caFile, emulator.caCertificatePem ?? '');
  return {
    emulator,
    pluginConfig: {
      graph: { url: emulator.graphUrl, loginUrl: emulator.loginUrl, certificateAuthority: caFile },
    },
  };
}

/**
 * A first connection to the demo tenant, so `npm start` shows data flowing without any setup. It is
 * saved through the settings API as mail_admin, as a user would: in the secured host that grants
 * the API key collection writes with.
 */
export async function ensureDemoConnection(host: KibanaHost) {
  const existing = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
  if ((existing.body as ListConnectionsResponse).connections.length > 0) return;
  const created = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
    user: 'mail_admin',
    body: {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso (emulated demo tenant)',
      tenantId: DEMO_TENANT_ID,
      clientId: DEMO_CLIENT_ID,
      authMethod: 'secret',
      clientSecret: DEMO_CLIENT_SECRET,
      localDomains: ['contoso.com', 'contoso.co.uk'],
      lookbackDays: 7,
    } satisfies CreateConnectionRequest,
  });
  if (created.status !== 200) {
    throw new Error(`Creating the demo connection failed: ${JSON.stringify(created.body)}`);
  }
}
