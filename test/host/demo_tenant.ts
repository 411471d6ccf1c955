import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../server/saved_objects/connection_type';
import { scheduleCollectTask } from '../../server/tasks/collect_task';
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_TENANT_ID,
  demoTenantSpec,
  GraphEmulator,
} from '../graph_emulator';
import type { KibanaHost } from './kibana_host';
import { REPO_ROOT } from './plugin_manifest';

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

/** A first connection to the demo tenant, so `npm start` shows data flowing without any setup. */
export async function ensureDemoConnection(host: KibanaHost) {
  const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
  const existing = await repository.find({ type: CONNECTION_SAVED_OBJECT_TYPE, perPage: 1 });
  if (existing.total > 0) return;
  const now = new Date().toISOString();
  const saved = await repository.create(CONNECTION_SAVED_OBJECT_TYPE, {
    ...CONNECTION_DEFAULTS,
    name: 'Contoso (emulated demo tenant)',
    tenantId: DEMO_TENANT_ID,
    clientId: DEMO_CLIENT_ID,
    authMethod: 'secret',
    clientSecret: DEMO_CLIENT_SECRET,
    localDomains: ['contoso.com', 'contoso.co.uk'],
    lookbackDays: 7,
    createdAt: now,
    updatedAt: now,
    createdBy: 'npm start',
    updatedBy: 'npm start',
  });
  await scheduleCollectTask(host.taskManagerStart(), saved.id, CONNECTION_DEFAULTS.intervalMinutes);
}
