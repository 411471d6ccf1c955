import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import {
  CONNECTIONS_API_PATH,
  connectionPath,
  type ConnectionView,
  type CreateConnectionRequest,
} from '../../common/http_api/connections';
import { DEFAULT_DATASET, dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import { collectTaskId } from '../../server/tasks/collect_task';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import {
  addSettledTenant,
  CHAOS_CLIENT_ID,
  CHAOS_SECRET,
  freshStateDir,
} from '../collector/chaos_tenant';
import { GraphEmulator } from '../graph_emulator';
import { exchangeMessageTracePlugin } from './exchange_message_trace_plugin';
import type { KibanaHost, KibanaHostOptions } from './kibana_host';
import { callRoute, esUrl, startTestHost, testIndexPrefix, waitFor } from './test_support';

/** Our plugin in a test host whose Graph and Entra ID are the emulator's. */
export async function startEmulatedGraphHost(
  options: Partial<Pick<KibanaHostOptions, 'pages' | 'encryptionKey' | 'esUrl'>> = {}
): Promise<{
  host: KibanaHost;
  emulator: GraphEmulator;
}> {
  const emulator = await GraphEmulator.start({ tenants: [] });
  return { host: await startPluginHost(emulator, options), emulator };
}

/**
 * `count` nodes of one Kibana over the same emulator: they share their saved objects and task
 * indices as Kibana nodes share `.kibana*`, and each runs background tasks.
 */
export async function startEmulatedGraphNodes(count: number): Promise<{
  nodes: KibanaHost[];
  emulator: GraphEmulator;
}> {
  const emulator = await GraphEmulator.start({ tenants: [] });
  const indexPrefix = testIndexPrefix();
  const nodes: KibanaHost[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startPluginHost(emulator, { indexPrefix }));
  return { nodes, emulator };
}

function startPluginHost(
  emulator: GraphEmulator,
  options: Partial<Pick<KibanaHostOptions, 'pages' | 'encryptionKey' | 'indexPrefix' | 'esUrl'>>
) {
  const caFile = path.join(freshStateDir(), 'ca.pem');
  writeFileSync(caFile, emulator.caCertificatePem!);
  return startTestHost({
    ...options,
    plugins: [exchangeMessageTracePlugin()],
    config: {
      exchange_message_trace: {
        graph: {
          url: emulator.graphUrl,
          loginUrl: emulator.loginUrl,
          certificateAuthority: caFile,
        },
      },
    },
  });
}

/** What the settings page sends for a new connection to an emulated tenant (see chaos_tenant). */
export function connectionRequest(
  tenantId: string,
  settings: Partial<CreateConnectionRequest> = {}
): CreateConnectionRequest {
  return {
    ...CONNECTION_DEFAULTS,
    name: 'Contoso',
    tenantId,
    clientId: CHAOS_CLIENT_ID,
    authMethod: 'secret',
    localDomains: ['contoso.com'],
    lookbackDays: 1,
    namespace: `routes${Date.now()}`,
    clientSecret: CHAOS_SECRET,
    ...settings,
  };
}

export async function createConnection(host: KibanaHost, body: CreateConnectionRequest) {
  const response = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
    user: 'mail_admin',
    body,
  });
  if (response.status !== 200) throw new Error(`create: ${JSON.stringify(response)}`);
  return response.body as ConnectionView;
}

export async function viewOf(host: KibanaHost, id: string): Promise<ConnectionView> {
  const response = await callRoute(host, 'GET', connectionPath(id), { user: 'soc_analyst' });
  if (response.status !== 200) throw new Error(`get: ${JSON.stringify(response)}`);
  return response.body as ConnectionView;
}

export const collectTaskOf = (host: KibanaHost, connectionId: string) =>
  host.taskManagerStart().get(collectTaskId(connectionId));

/** Waits until the task is idle and `done` holds for it. */
export async function settledTask(
  host: KibanaHost,
  connectionId: string,
  done: (task: ConcreteTaskInstance) => boolean,
  what = 'the task to settle'
) {
  return waitFor(
    async () => {
      const task = await collectTaskOf(host, connectionId);
      return task.status === 'idle' && done(task) ? task : undefined;
    },
    { timeoutMs: 45_000, intervalMs: 200, what }
  );
}

/**
 * A connection created as the settings page saves it, once its task has caught up, with its data
 * stream refreshed so that the views see every row. `firstRun`: the task once caught up.
 */
export async function collectedConnection(host: KibanaHost, request: CreateConnectionRequest) {
  const connection = await createConnection(host, request);
  const firstRun = await settledTask(
    host,
    connection.id,
    (t) => (t.state as CollectTaskState).status.caughtUp === true
  );
  const es = new Client({ node: esUrl() });
  try {
    await es.indices.refresh({
      index: dataStreamName(DEFAULT_DATASET, connection.settings.namespace),
    });
  } finally {
    await es.close();
  }
  return { connection, firstRun };
}

/**
 * A host whose connection (the default budget, lookback one day) has collected a settled
 * synthetic tenant, refreshed so that the views see every row. `firstRun`: the task once caught up.
 */
export async function startCollectedTenant(seed: number, rowsPerDay: number) {
  const { host, emulator } = await startEmulatedGraphHost();
  const tenantId = addSettledTenant(emulator, seed, rowsPerDay, Date.now());
  // On a fresh node the plugin answers 503 until its templates are installed.
  await waitFor(
    async () =>
      (await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' })).status === 200,
    { what: 'the plugin to start' }
  );
  const { connection, firstRun } = await collectedConnection(
    host,
    connectionRequest(tenantId, { lookbackDays: 1 })
  );
  return { host, emulator, tenantId, connection, firstRun };
}
