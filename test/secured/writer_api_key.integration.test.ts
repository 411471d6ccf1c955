import { Client } from '@elastic/elasticsearch';
import {
  connectionPath,
  REAUTHORIZE_ERROR_KIND,
  type ConnectionView,
} from '../../common/http_api/connections';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../server/saved_objects/connection_type';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import { indexTemplateName } from '../../server/lib/data_stream/templates';
import { addSettledTenant } from '../collector/chaos_tenant';
import { compareWithTruth } from '../collector/observations';
import type { GraphEmulator } from '../graph_emulator';
import {
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphHost,
  viewOf,
} from '../host/emulated_graph_host';
import type { KibanaHost } from '../host/kibana_host';
import { callRoute, esUrl } from '../host/test_support';

const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;
const dataStreamOf = (view: ConnectionView) =>
  `logs-microsoft_exchange_online_message_trace.log-${view.settings.namespace}`;

describe('collection in a secured cluster, through the API key of the configuring user', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost({ security: true }));
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  async function storedApiKeyId(connectionId: string) {
    const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
    const saved = await repository.get<{ apiKeyId?: string }>(
      CONNECTION_SAVED_OBJECT_TYPE,
      connectionId
    );
    return saved.attributes.apiKeyId!;
  }

  it('writes only with the key (the internal user may not), into a data stream our template shaped', async () => {
    const internal = host.elasticsearch.clusterClient().asInternalUser;
    const tenantId = addSettledTenant(emulator, 8801, 300, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId));
    expect(created.authorization).toMatchObject({ state: 'granted', grantedBy: 'mail_admin' });
    const task = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    const stream = dataStreamOf(created);

    const refused = await internal.bulk({
      operations: [{ create: { _index: stream } }, { '@timestamp': new Date().toISOString() }],
    });
    expect(refused.items[0]!.create!.status).toBe(403);
    const comparison = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream: stream,
      checkpoint: stateOf(task).checkpoint!,
    });
    expect(comparison.stored).toBeGreaterThan(0);
    expect(comparison).toMatchObject({ missing: [], duplicates: 0, unexpected: [] });

    // Our template (150) won over the built-in logs template (100): standard mode, our mappings.
    const simulated = await es.indices.simulateIndexTemplate({ name: stream });
    expect(simulated.overlapping?.map((t) => t.name)).toContain('logs');
    const settings = await es.indices.getSettings({ index: stream, flat_settings: true });
    const backing = Object.values(settings)[0]!.settings as Record<string, string>;
    expect(backing['index.mode']).toBe('standard');
    const mapping = await es.indices.getMapping({ index: stream });
    const properties = Object.values(mapping)[0]!.mappings.properties!;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['email', 'event', 'source']));
    const template = await es.indices.getIndexTemplate({ name: indexTemplateName() });
    expect(template.index_templates[0]!.index_template.priority).toBeGreaterThan(100);
  });

  it('stops on a key without the data stream privilege, keeps its checkpoint, resumes exactly after re-authorisation', async () => {
    const tenantId = addSettledTenant(emulator, 8802, 300, Date.now());
    // The first page takes a while; meanwhile the key loses its privilege on our data streams.
    emulator.faults.inject({ kind: 'hang', delayMs: 3000, tenantId });
    const created = await createConnection(host, connectionRequest(tenantId));
    await es.update({
      index: host.apiKeys!.index,
      id: await storedApiKeyId(created.id),
      doc: {
        roleDescriptors: {
          exchange_message_trace_writer: {
            indices: [{ names: ['logs-something_else-*'], privileges: ['create_doc'] }],
          },
        },
      },
      refresh: true,
    });
    const failed = await settledTask(host, created.id, (t) => !!stateOf(t).status.lastError);
    const failedState = stateOf(failed);
    expect(failedState.status.lastError).toMatchObject({ kind: REAUTHORIZE_ERROR_KIND });
    expect(failedState.status.lastError!.message).toContain('re-authorise');
    expect(failedState.checkpoint!.collectedUntil).toBe(failedState.checkpoint!.backfillStart);
    expect(await es.indices.exists({ index: dataStreamOf(created) })).toBe(false);
    expect((await viewOf(host, created.id)).task.health).toBe('failed');

    const oldKeyId = await storedApiKeyId(created.id);
    const authorized = await callRoute(host, 'POST', connectionPath(created.id, '_authorize'), {
      user: 'mail_admin',
    });
    expect(authorized.status).toBe(200);
    expect(await storedApiKeyId(created.id)).not.toBe(oldKeyId);
    await expect(
      host.apiKeys!.authenticate(Buffer.from(`${oldKeyId}:x`).toString('base64'))
    ).rejects.toThrow();

    const resumed = await settledTask(
      host,
      created.id,
      (t) => stateOf(t).status.caughtUp === true && !stateOf(t).status.lastError
    );
    const comparison = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream: dataStreamOf(created),
      checkpoint: stateOf(resumed).checkpoint!,
    });
    expect(comparison.stored).toBeGreaterThan(0);
    expect(comparison).toMatchObject({ missing: [], duplicates: 0, unexpected: [] });
  });

  it('invalidates the key when the connection is deleted', async () => {
    const tenantId = addSettledTenant(emulator, 8803, 10, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const keyId = await storedApiKeyId(created.id);
    const deleted = await callRoute(host, 'DELETE', connectionPath(created.id), {
      user: 'mail_admin',
    });
    expect(deleted.status).toBe(204);
    const record = await es.get<{ invalidated: boolean }>({
      index: host.apiKeys!.index,
      id: keyId,
    });
    expect(record._source!.invalidated).toBe(true);
  });
});
