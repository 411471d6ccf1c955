import { randomBytes } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import {
  CONNECTIONS_API_PATH,
  TEST_CONNECTION_API_PATH,
  connectionPath,
  type ConnectionView,
  type TestConnectionRequest,
} from '../../../common/http_api/connections';
import { CHAOS_CLIENT_ID, tenantIdFor } from '../../../test/collector/chaos_tenant';
import type { GraphEmulator } from '../../../test/graph_emulator';
import {
  connectionRequest,
  settledTask,
  startEmulatedGraphHost,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, esUrl } from '../../../test/host/test_support';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../saved_objects/connection_type';
import type { CollectTaskState } from '../../tasks/collect_task_state';

/** A client secret's Value as Entra shows it once: 40 characters with `8Q~` in it. */
const secretValue = () => `Sx8Q~${randomBytes(30).toString('base64url').slice(0, 35)}`;

interface RecordedResponse {
  request: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Every response of the host's routes, as the client received it, while the spy is on. */
function recordHostResponses(hostUrl: () => string) {
  const recorded: RecordedResponse[] = [];
  const unrecorded = globalThis.fetch;
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await unrecorded(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(hostUrl())) {
      recorded.push({
        request: `${init?.method ?? 'GET'} ${url}`,
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.clone().text(),
      });
    }
    return response;
  });
  return { recorded, restore: () => spy.mockRestore() };
}

const DAY = 86_400_000;
const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;

describe('client secrets are write-only, from the settings routes to Elasticsearch', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });
  const [S1, S2, S3] = [secretValue(), secretValue(), secretValue()];
  const tenantId = tenantIdFor(8901);

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    // The app has two valid secrets, as during a rotation; S3 is a mistyped one.
    emulator.addTenant({
      tenantId,
      apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: S1 }, { value: S2 }] }],
      synthetic: {
        seed: 8901,
        rowsPerDay: 200,
        anchorMs: Date.now(),
        finalStatusesOnly: true,
        lateArrivals: false,
      },
    });
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    callRoute(host, method, path, { user: 'mail_admin', body });

  /** Every document of an index, as stored. */
  async function documentsOf(index: string) {
    await es.indices.refresh({ index });
    const { hits } = await es.search({ index, size: 1000, query: { match_all: {} } });
    return hits.hits.map((hit) => JSON.stringify(hit._source));
  }

  const secretsIn = (texts: string[]) =>
    [S1, S2, S3].filter((secret) => texts.some((text) => text.includes(secret)));

  it('never returns, logs or stores a secret in the clear, through a full flow', async () => {
    const { recorded, restore } = recordHostResponses(() => host.url);
    let connection: ConnectionView;
    try {
      const settings = connectionRequest(tenantId, { name: 'Contoso', clientSecret: S1 });
      const created = await call('POST', CONNECTIONS_API_PATH, settings);
      expect(created.status).toBe(200);
      connection = created.body;
      const { id } = connection;
      const first = await settledTask(host, id, (t) => stateOf(t).status.caughtUp === true);

      const testRequest: TestConnectionRequest = {
        tenantId,
        clientId: CHAOS_CLIENT_ID,
        authMethod: 'secret',
        secrets: {},
        connectionId: id,
      };
      expect((await call('POST', TEST_CONNECTION_API_PATH, testRequest)).body.ok).toBe(true);

      expect((await call('POST', connectionPath(id, '_run'))).status).toBe(200);
      const second = await settledTask(
        host,
        id,
        (t) => stateOf(t).status.lastRunAt !== stateOf(first).status.lastRunAt,
        'the requested run'
      );
      expect(stateOf(second).status.documentsTotal).toBeGreaterThan(0);

      expect((await call('GET', connectionPath(id))).status).toBe(200);
      expect((await call('GET', CONNECTIONS_API_PATH)).status).toBe(200);

      // An edit that leaves the secret out keeps it; the view only says one is set.
      const { clientSecret: _kept, ...withoutSecret } = settings;
      const renamed = await call('PUT', connectionPath(id), { ...withoutSecret, name: 'Renamed' });
      expect(renamed.body.secrets).toEqual({ clientSecret: true, certificatePrivateKey: false });
      expect(await storedSecret(id)).toBe(S1);
      expect(
        (await call('PUT', connectionPath(id), { ...settings, clientSecret: S2 })).status
      ).toBe(200);
      expect(await storedSecret(id)).toBe(S2);

      // A typed secret wins over the stored one in a test, and Entra refuses it.
      const typed = await call('POST', TEST_CONNECTION_API_PATH, {
        ...testRequest,
        secrets: { clientSecret: S3 },
      });
      expect(typed.body.steps[0]).toMatchObject({ outcome: 'failed', code: 'AADSTS7000215' });

      expect(
        (await call('PUT', connectionPath(id), { ...settings, clientSecret: S3 })).status
      ).toBe(200);
      // A run with nothing new to read does not sign in; a backfill of the day before the
      // collected span does, and fails.
      const collectedFrom = stateOf(first).checkpoint!.backfillStart;
      const backfill = await call('POST', connectionPath(id, '_backfill'), {
        start: new Date(collectedFrom - DAY).toISOString(),
        end: new Date(collectedFrom).toISOString(),
      });
      expect(backfill.status).toBe(200);
      await settledTask(host, id, (t) => !!stateOf(t).status.lastError, 'the failed run');
      const listed = await call('GET', CONNECTIONS_API_PATH);
      const failed = listed.body.connections.find((view: ConnectionView) => view.id === id);
      expect(failed.status.lastError.message).toContain('AADSTS7000215');
      expect(failed.task.health).toBe('failed');
    } finally {
      restore();
    }

    // What left the server and what it logged: the failure is there, the secrets are not.
    const responses = recorded.map((response) => JSON.stringify(response));
    // create, test, run, get, list, three updates, test, backfill, list
    expect(recorded.map(({ status }) => status)).toEqual(Array(11).fill(200));
    expect(responses.join('\n')).toContain('AADSTS7000215');
    expect(secretsIn(responses)).toEqual([]);
    const logs = host.logSink.lines.map((line) => JSON.stringify(line));
    expect(logs.join('\n')).toContain('AADSTS7000215');
    expect(secretsIn(logs)).toEqual([]);

    // What Elasticsearch holds: task state, API keys, and saved objects other than ciphertext.
    const tasks = await documentsOf(host.taskManager.index);
    expect(tasks.join('\n')).toContain(connection.id);
    expect(secretsIn(tasks)).toEqual([]);
    // Elasticsearch's own record of the keys granted for the user (name, metadata, descriptors).
    const granted = await es.security.getApiKey({ username: 'mail_admin', with_limited_by: true });
    const apiKeys = granted.api_keys.map((key) => JSON.stringify(key));
    expect(apiKeys.length).toBeGreaterThan(0);
    expect(secretsIn(apiKeys)).toEqual([]);
    const savedObjects = await documentsOf(host.savedObjects.index);
    expect(secretsIn(savedObjects)).toEqual([]);

    // The connection itself: the secret is a ciphertext attribute that decrypts to S3.
    const raw = await es.get<Record<string, Record<string, unknown>>>({
      index: host.savedObjects.index,
      id: `${CONNECTION_SAVED_OBJECT_TYPE}:${connection.id}`,
    });
    const ciphertext = raw._source![CONNECTION_SAVED_OBJECT_TYPE]!.clientSecret;
    expect(typeof ciphertext).toBe('string');
    expect(ciphertext).not.toBe(S3);
    expect(ciphertext).not.toContain(S3);
    expect(await storedSecret(connection.id)).toBe(S3);
  });

  async function storedSecret(id: string) {
    const decrypted = await host.encryptedSavedObjects
      .start()
      .getClient({ includedHiddenTypes: [CONNECTION_SAVED_OBJECT_TYPE] })
      .getDecryptedAsInternalUser<{ clientSecret?: string }>(CONNECTION_SAVED_OBJECT_TYPE, id);
    return decrypted.attributes.clientSecret;
  }
});
