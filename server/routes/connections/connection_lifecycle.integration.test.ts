import { Client } from '@elastic/elasticsearch';
import {
  CONNECTIONS_API_PATH,
  connectionPath,
  type ConnectionView,
  type ListConnectionsResponse,
} from '../../../common/http_api/connections';
import { addSettledTenant, CHAOS_SECRET } from '../../../test/collector/chaos_tenant';
import type { GraphEmulator } from '../../../test/graph_emulator';
import { createSelfSignedCertificate } from '../../../test/graph_emulator/certificate';
import {
  collectTaskOf,
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphHost,
  viewOf,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, esUrl, waitFor } from '../../../test/host/test_support';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../saved_objects/connection_type';
import type { CollectTaskState } from '../../tasks/collect_task_state';

const { privateKeyPem: PRIVATE_KEY } = createSelfSignedCertificate({ commonName: 'lifecycle' });
const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;

describe('connection routes: saving connections and their tasks', () => {
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

  const put = (id: string, body: unknown, user = 'mail_admin') =>
    callRoute(host, 'PUT', connectionPath(id), { user, body });

  it('creates a connection whose secret never comes back, and schedules its task', async () => {
    const tenantId = addSettledTenant(emulator, 8101, 50, Date.now());
    const response = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
      user: 'mail_admin',
      body: connectionRequest(tenantId, { intervalMinutes: 7 }),
    });
    expect(response.status).toBe(200);
    const view = response.body as ConnectionView;
    expect(view).toMatchObject({
      settings: { tenantId, intervalMinutes: 7, enabled: true },
      secrets: { clientSecret: true, certificatePrivateKey: false },
    });
    expect(view.createdAt).toBe(view.updatedAt);
    expect(JSON.stringify(view)).not.toContain(CHAOS_SECRET);

    const list = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'soc_analyst' });
    expect(list.status).toBe(200);
    expect((list.body as ListConnectionsResponse).connections.map((c) => c.id)).toContain(view.id);
    expect(JSON.stringify(list.body)).not.toContain(CHAOS_SECRET);

    const raw = await es.get({
      index: host.savedObjects.index,
      id: `${CONNECTION_SAVED_OBJECT_TYPE}:${view.id}`,
    });
    expect(JSON.stringify(raw._source)).not.toContain(CHAOS_SECRET);

    const task = await collectTaskOf(host, view.id);
    expect(task).toMatchObject({ schedule: { interval: '7m' }, enabled: true });
    const settled = await settledTask(host, view.id, (t) => stateOf(t).status.caughtUp === true);
    expect(JSON.stringify(settled)).not.toContain(CHAOS_SECRET);
    expect(await viewOf(host, view.id)).toMatchObject({
      status: { caughtUp: true },
      task: { health: 'idle', nextRunAt: settled.runAt.toISOString() },
    });
  });

  it('keeps a secret left out of an edit, reschedules on a new interval, and keeps the checkpoint while disabled', async () => {
    const tenantId = addSettledTenant(emulator, 8102, 50, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId));
    const first = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    const { clientSecret: _left, ...withoutSecret } = connectionRequest(tenantId, {
      namespace: created.settings.namespace,
    });

    const edited = await put(created.id, {
      ...withoutSecret,
      name: 'Contoso EU',
      intervalMinutes: 3,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      settings: { name: 'Contoso EU', intervalMinutes: 3 },
      secrets: { clientSecret: true },
      createdAt: created.createdAt,
    });
    expect(edited.body.updatedAt > created.updatedAt).toBe(true);
    const stored = await host.encryptedSavedObjects
      .start()
      .getClient({ includedHiddenTypes: [CONNECTION_SAVED_OBJECT_TYPE] })
      .getDecryptedAsInternalUser<{ clientSecret: string }>(
        CONNECTION_SAVED_OBJECT_TYPE,
        created.id
      );
    expect(stored.attributes.clientSecret).toBe(CHAOS_SECRET);
    const rescheduled = await collectTaskOf(host, created.id);
    expect(rescheduled.schedule).toEqual({ interval: '3m' });
    expect(rescheduled.runAt.getTime()).toBeGreaterThan(Date.now());

    const graphRequests = () => emulator.requests.all().filter((r) => r.tenantId === tenantId);
    const requestsBefore = graphRequests().length;
    const disabled = await put(created.id, {
      ...withoutSecret,
      intervalMinutes: 3,
      enabled: false,
    });
    expect(disabled.body.task).toEqual({ health: 'disabled' });
    // The task disables itself on a run brought forward, which reads the connection, not Graph.
    await waitFor(
      async () => ((await collectTaskOf(host, created.id)).enabled === false ? true : undefined),
      { what: 'the task to disable itself' }
    );
    // A poll cycle later nothing was due: the plugin left no run behind.
    await host.taskManager.nextPollCycle();
    const idle = await collectTaskOf(host, created.id);
    expect(idle).toMatchObject({ enabled: false, status: 'idle' });
    expect(graphRequests()).toHaveLength(requestsBefore);
    expect(stateOf(idle).checkpoint).toEqual(stateOf(first).checkpoint);
    expect(stateOf(idle).status.lastRunAt).toBe(stateOf(first).status.lastRunAt);

    const enabled = await put(created.id, { ...withoutSecret, intervalMinutes: 3, enabled: true });
    expect(enabled.body.task.health).not.toBe('disabled');
    const again = await settledTask(
      host,
      created.id,
      (t) => stateOf(t).status.lastRunAt !== stateOf(first).status.lastRunAt,
      'a run after enabling'
    );
    expect(again.enabled).toBe(true);
    expect(stateOf(again).checkpoint!.backfillStart).toBe(stateOf(first).checkpoint!.backfillStart);
    expect(stateOf(again).status.documentsTotal).toBe(stateOf(first).status.documentsTotal);
  });

  it('starts over with a fresh checkpoint when the tenant changes', async () => {
    const before = addSettledTenant(emulator, 8103, 50, Date.now());
    const after = addSettledTenant(emulator, 8104, 50, Date.now());
    const created = await createConnection(host, connectionRequest(before));
    const first = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    expect(stateOf(first).status.documentsTotal).toBeGreaterThan(0);

    const moved = await put(
      created.id,
      connectionRequest(after, { namespace: created.settings.namespace })
    );
    expect(moved.status).toBe(200);
    const fresh = await settledTask(
      host,
      created.id,
      (t) => stateOf(t).tenantId === after && stateOf(t).status.caughtUp === true,
      'the new tenant collected'
    );
    expect(fresh.scheduledAt.getTime()).toBeGreaterThan(first.scheduledAt.getTime());
    expect(stateOf(fresh).checkpoint!.backfillStart).toBeGreaterThan(
      stateOf(first).checkpoint!.backfillStart
    );
    expect(stateOf(fresh).status.windowsDone).toBe(1);
  });

  it('deletes the connection and its task', async () => {
    const tenantId = addSettledTenant(emulator, 8105, 20, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    expect(created.task).toEqual({ health: 'disabled' });
    const response = await callRoute(host, 'DELETE', connectionPath(created.id), {
      user: 'mail_admin',
    });
    expect(response).toEqual({ status: 204, body: undefined });
    expect(
      (await callRoute(host, 'GET', connectionPath(created.id), { user: 'elastic' })).status
    ).toBe(404);
    await expect(collectTaskOf(host, created.id)).rejects.toThrow('not found');
  });

  it('answers 400 with the field for a missing or mistyped setting or secret', async () => {
    const tenantId = addSettledTenant(emulator, 8106, 20, Date.now());
    const { clientSecret: _none, ...noSecret } = connectionRequest(tenantId, { enabled: false });
    const post = (body: unknown) =>
      callRoute(host, 'POST', CONNECTIONS_API_PATH, { user: 'mail_admin', body });

    expect(await post(noSecret)).toMatchObject({
      status: 400,
      body: { message: 'clientSecret: is required when authMethod is secret' },
    });
    expect(
      await post({ ...noSecret, authMethod: 'certificate', certificatePrivateKey: PRIVATE_KEY })
    ).toMatchObject({
      status: 400,
      body: {
        message:
          'certificateThumbprint: is required when authMethod is certificate (or paste the certificate with the private key)',
      },
    });
    const badSecret = await post({ ...noSecret, clientSecret: 'x'.repeat(2000), tenantId: 'nope' });
    expect(badSecret.status).toBe(400);
    expect(badSecret.body.message).toContain('clientSecret: must be the secret value');
    expect(badSecret.body.message).toContain('tenantId: must be the tenant ID');
    expect(badSecret.body.message).not.toContain('xxxx');

    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const switched = await put(created.id, {
      ...noSecret,
      authMethod: 'certificate',
      certificateThumbprint: 'a'.repeat(40),
    });
    expect(switched).toMatchObject({
      status: 400,
      body: {
        message: 'certificatePrivateKey: is required when switching authMethod to certificate',
      },
    });
    const withKey = await put(created.id, {
      ...noSecret,
      authMethod: 'certificate',
      certificateThumbprint: 'a'.repeat(40),
      certificatePrivateKey: PRIVATE_KEY,
    });
    expect(withKey.body.secrets).toEqual({ clientSecret: false, certificatePrivateKey: true });
    expect(JSON.stringify(withKey.body)).not.toContain('BEGIN PRIVATE KEY');
  });

  it('reads the thumbprint and expiry of a certificate pasted with its key, and refuses a mismatch', async () => {
    const tenantId = addSettledTenant(emulator, 8107, 20, Date.now());
    const { clientSecret: _none, ...settings } = connectionRequest(tenantId, { enabled: false });
    const mine = createSelfSignedCertificate({
      commonName: 'collector',
      notBefore: new Date('2026-06-01T00:00:00Z'),
      validDays: 365,
    });
    const other = createSelfSignedCertificate({ commonName: 'other' });
    const post = (body: unknown) =>
      callRoute(host, 'POST', CONNECTIONS_API_PATH, { user: 'mail_admin', body });
    const certificate = { ...settings, authMethod: 'certificate' };

    const read = await post({
      ...certificate,
      certificatePrivateKey: `${mine.certificatePem}${mine.privateKeyPem}`,
    });
    expect(read.status).toBe(200);
    expect((read.body as ConnectionView).settings).toMatchObject({
      certificateThumbprint: mine.thumbprintSha1.toUpperCase(),
      credentialExpiresAt: '2027-06-01T00:00:00.000Z',
    });

    const wrongThumbprint = await post({
      ...certificate,
      certificateThumbprint: other.thumbprintSha1,
      certificatePrivateKey: `${mine.certificatePem}${mine.privateKeyPem}`,
    });
    expect(wrongThumbprint).toMatchObject({
      status: 400,
      body: {
        message: `certificateThumbprint: is not the thumbprint of the certificate pasted with the private key (${mine.thumbprintSha1.toUpperCase()})`,
      },
    });
    const wrongKey = await post({
      ...certificate,
      certificatePrivateKey: `${other.certificatePem}${mine.privateKeyPem}`,
    });
    expect(wrongKey).toMatchObject({
      status: 400,
      body: {
        message:
          'certificatePrivateKey: the certificate in the PEM is not the one of its private key',
      },
    });
    // A good certificate with a key that cannot be read (cut short) is the user's to fix: a 400.
    const cutKey = mine.privateKeyPem.replace(/\n[^\n]+\n(-----END)/, '\n$1');
    const unreadableKey = await post({
      ...certificate,
      certificatePrivateKey: `${mine.certificatePem}${cutKey}`,
    });
    expect(unreadableKey).toMatchObject({
      status: 400,
      body: {
        message:
          'certificatePrivateKey: the private key in the PEM cannot be read: paste it unencrypted and whole (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)',
      },
    });
    expect(
      JSON.stringify([read.body, wrongThumbprint.body, wrongKey.body, unreadableKey.body])
    ).not.toContain(mine.privateKeyPem.split('\n')[1]);
  });

  it('answers 404 for an unknown connection on every route', async () => {
    const id = '0d6b0e38-0000-4000-8000-000000000000';
    const body = connectionRequest(addSettledTenant(emulator, 8107, 20, Date.now()));
    const calls = [
      ['GET', connectionPath(id), undefined],
      ['PUT', connectionPath(id), body],
      ['DELETE', connectionPath(id), undefined],
      ['POST', connectionPath(id, '_run'), undefined],
      [
        'POST',
        connectionPath(id, '_backfill'),
        { start: new Date(Date.now() - 86_400_000).toISOString(), end: new Date().toISOString() },
      ],
    ] as const;
    for (const [method, path, payload] of calls) {
      expect(await callRoute(host, method, path, { user: 'mail_admin', body: payload })).toEqual({
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: `Connection "${id}" not found` },
      });
    }
  });

  it('lets soc_analyst read but not change, and no_access nothing', async () => {
    const tenantId = addSettledTenant(emulator, 8108, 20, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const day = 86_400_000;
    const backfill = {
      start: new Date(Date.now() - 2 * day).toISOString(),
      end: new Date(Date.now() - day).toISOString(),
    };
    const reads = [
      ['GET', CONNECTIONS_API_PATH, undefined],
      ['GET', connectionPath(created.id), undefined],
    ] as const;
    const writes = [
      ['POST', CONNECTIONS_API_PATH, connectionRequest(tenantId)],
      ['PUT', connectionPath(created.id), connectionRequest(tenantId)],
      ['DELETE', connectionPath(created.id), undefined],
      ['POST', connectionPath(created.id, '_run'), undefined],
      ['POST', connectionPath(created.id, '_backfill'), backfill],
    ] as const;
    for (const [method, path, body] of reads) {
      expect((await callRoute(host, method, path, { user: 'soc_analyst', body })).status).toBe(200);
    }
    for (const [method, path, body] of writes) {
      const response = await callRoute(host, method, path, { user: 'soc_analyst', body });
      expect(response.status).toBe(403);
      expect(response.body.message).toContain('[manage_exchange_message_trace]');
    }
    for (const [method, path, body] of [...reads, ...writes]) {
      expect((await callRoute(host, method, path, { user: 'no_access', body })).status).toBe(403);
    }
    expect((await viewOf(host, created.id)).settings).toEqual(created.settings);
  });

  it('refuses a backfill outside what Microsoft keeps, in the future, or backwards', async () => {
    const tenantId = addSettledTenant(emulator, 8109, 20, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { enabled: false }));
    const day = 86_400_000;
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
    const backfill = (body: unknown) =>
      callRoute(host, 'POST', connectionPath(created.id, '_backfill'), {
        user: 'mail_admin',
        body,
      });

    const tooOld = await backfill({ start: at(-91 * day), end: at(-80 * day) });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.message).toMatch(
      /^start: must be within Microsoft's 90-day retention, no earlier than \d{4}-/
    );
    expect(await backfill({ start: at(-day), end: at(day) })).toMatchObject({
      status: 400,
      body: { message: 'end: must not be in the future' },
    });
    expect(await backfill({ start: at(-day), end: at(-2 * day) })).toMatchObject({
      status: 400,
      body: { message: 'start: must be before end' },
    });
    expect(await backfill({ start: 'yesterday', end: at(-day) })).toMatchObject({
      status: 400,
      body: { message: '[request body]: start: must be a date like 2026-11-20T00:00:00Z' },
    });
    expect((await viewOf(host, created.id)).backfill).toBeUndefined();
  });
});
