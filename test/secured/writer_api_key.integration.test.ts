import { Client } from '@elastic/elasticsearch';
import {
  CONNECTIONS_API_PATH,
  connectionPath,
  REAUTHORIZE_ERROR_KIND,
  type ConnectionView,
} from '../../common/http_api/connections';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import { indexTemplateName } from '../../server/lib/data_stream/templates';
import { FIXTURE_PASSWORD } from '../es/security_fixtures';
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
import { storedWriterKeyId } from './writer_key';

const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;
const dataStreamOf = (view: ConnectionView) =>
  `logs-microsoft_exchange_online_message_trace.log-${view.settings.namespace}`;

/**
 * Collection in a secured cluster: Elasticsearch's own security decides, and the plugin writes
 * only through the API key it grants for the user who configured the connection.
 */
describe('collection in a secured cluster, through the API key of the configuring user', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  const apiKeyRecord = async (id: string) =>
    (await es.security.getApiKey({ id, with_limited_by: true })).api_keys[0]!;

  it('grants a key with read, create_doc and auto_configure on our data streams only, limited by its owner', async () => {
    const tenantId = addSettledTenant(emulator, 8800, 10, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const key = await apiKeyRecord(await storedWriterKeyId(host, created.id));
    expect(key.username).toBe('mail_admin');
    expect(key.role_descriptors).toEqual({
      exchange_message_trace_writer: expect.objectContaining({
        cluster: [],
        indices: [
          expect.objectContaining({
            names: ['logs-microsoft_exchange_online_message_trace.log-*'],
            privileges: ['read', 'create_doc', 'auto_configure'],
          }),
        ],
      }),
    });
    // Elasticsearch keeps what its owner may do beside it: the key never does more.
    expect(JSON.stringify(key.limited_by)).toContain('exchange_message_trace_admin');
  });

  it('writes only with the key (Elasticsearch refuses kibana_system), into a data stream our template shaped', async () => {
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
    expect(refused.items[0]!.create!.error!.reason).toContain(
      'with effective roles [kibana_system]'
    );
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
    expect(template.index_templates[0]!.index_template.priority).toBe(150);
  });

  it('stays exactly once across a rollover followed by a re-read of the window before it', async () => {
    const tenantId = addSettledTenant(emulator, 8804, 300, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId));
    const first = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    const stream = dataStreamOf(created);
    await es.indices.refresh({ index: stream });
    const storedBefore = (await es.count({ index: stream })).count;
    expect(storedBefore).toBeGreaterThan(0);

    const rollover = await es.indices.rollover({ alias: stream });
    expect(rollover.rolled_over).toBe(true);
    const rolledAt = new Date().toISOString();
    // The next run re-reads the trailing 24 hours: every row it meets is in the old backing index.
    const run = await callRoute(host, 'POST', connectionPath(created.id, '_run'), {
      user: 'mail_admin',
    });
    expect(run.status).toBe(200);
    const reread = await settledTask(
      host,
      created.id,
      (t) => (stateOf(t).status.lastRunAt ?? '') > rolledAt && stateOf(t).status.caughtUp === true
    );
    expect(stateOf(reread).status.lastError).toBeUndefined();
    expect(stateOf(reread).status.documentsLastRun).toBe(0);
    await es.indices.refresh({ index: stream });
    expect((await es.count({ index: stream })).count).toBe(storedBefore);
    const comparison = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream: stream,
      checkpoint: stateOf(reread).checkpoint!,
    });
    expect(comparison).toMatchObject({ missing: [], duplicates: 0, unexpected: [] });
    expect(
      stateOf(first).checkpoint!.collectedUntil <= stateOf(reread).checkpoint!.collectedUntil
    ).toBe(true);
  });

  it('stops on an invalidated key, keeps its checkpoint, resumes exactly after re-authorisation', async () => {
    const tenantId = addSettledTenant(emulator, 8802, 300, Date.now());
    // The first page takes a while; meanwhile an administrator invalidates the key.
    emulator.faults.inject({ kind: 'hang', delayMs: 3000, tenantId });
    const created = await createConnection(host, connectionRequest(tenantId));
    const oldKeyId = await storedWriterKeyId(host, created.id);
    await es.security.invalidateApiKey({ ids: [oldKeyId] });
    const failed = await settledTask(host, created.id, (t) => !!stateOf(t).status.lastError);
    const failedState = stateOf(failed);
    expect(failedState.status.lastError).toMatchObject({ kind: REAUTHORIZE_ERROR_KIND });
    expect(failedState.status.lastError!.message).toContain('re-authorise');
    expect(failedState.checkpoint!.collectedUntil).toBe(failedState.checkpoint!.backfillStart);
    expect(await es.indices.exists({ index: dataStreamOf(created) })).toBe(false);
    expect((await viewOf(host, created.id)).task.health).toBe('failed');

    const authorized = await callRoute(host, 'POST', connectionPath(created.id, '_authorize'), {
      user: 'mail_admin',
    });
    expect(authorized.status).toBe(200);
    expect(await storedWriterKeyId(host, created.id)).not.toBe(oldKeyId);

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

  it('invalidates the key when the connection is deleted, and the replaced one on re-authorisation', async () => {
    const tenantId = addSettledTenant(emulator, 8803, 10, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const firstKeyId = await storedWriterKeyId(host, created.id);
    await callRoute(host, 'POST', connectionPath(created.id, '_authorize'), { user: 'mail_admin' });
    expect((await apiKeyRecord(firstKeyId)).invalidated).toBe(true);
    const secondKeyId = await storedWriterKeyId(host, created.id);
    const deleted = await callRoute(host, 'DELETE', connectionPath(created.id), {
      user: 'mail_admin',
    });
    expect(deleted.status).toBe(204);
    expect((await apiKeyRecord(secondKeyId)).invalidated).toBe(true);
  });

  it('tells a user without the index privileges which ones they lack, and grants nothing', async () => {
    const tenantId = addSettledTenant(emulator, 8805, 10, Date.now());
    const before = await es.security.getApiKey({ username: 'admin_without_index' });
    const response = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
      user: 'admin_without_index',
      body: connectionRequest(tenantId, { name: 'Without index privileges' }),
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe(
      'User [admin_without_index] lacks the Elasticsearch index privileges [read, create_doc, ' +
        'auto_configure] on [logs-microsoft_exchange_online_message_trace.log-*]: collection ' +
        'writes with an API key granted from your own privileges, and a key never has more than ' +
        'its owner. Ask an administrator to add them to your role.'
    );
    const after = await es.security.getApiKey({ username: 'admin_without_index' });
    expect(after.api_keys).toHaveLength(before.api_keys.length);
    const listed = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
    expect(
      (listed.body.connections as ConnectionView[]).map((view) => view.settings.name)
    ).not.toContain('Without index privileges');
  });

  it('tells a caller authenticated with an API key to authorise from a browser session', async () => {
    // An API key of mail_admin's own, holding all of mail_admin's privileges.
    const callerKey = await es.security.grantApiKey({
      grant_type: 'password',
      username: 'mail_admin',
      password: FIXTURE_PASSWORD,
      api_key: { name: 'automation' },
    });
    const tenantId = addSettledTenant(emulator, 8806, 10, Date.now());
    const response = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
      headers: { authorization: `ApiKey ${callerKey.encoded}` },
      body: connectionRequest(tenantId, { name: 'Saved by an API key' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      'Collection writes with an API key that Kibana grants from the credentials of whoever ' +
        'saves the connection, and it cannot grant one from a request with "ApiKey" credentials ' +
        '(an API key cannot create another). Save or re-authorise the connection in Kibana, ' +
        'logged in as a user.'
    );
    // The same caller may read: the key carries mail_admin's feature privileges.
    const listed = await callRoute(host, 'GET', CONNECTIONS_API_PATH, {
      headers: { authorization: `ApiKey ${callerKey.encoded}` },
    });
    expect(listed.status).toBe(200);
    expect(
      (listed.body.connections as ConnectionView[]).map((view) => view.settings.name)
    ).not.toContain('Saved by an API key');
  });
});
