import { Client } from '@elastic/elasticsearch';
import { STATUS_API_PATH } from '../../../common/constants';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import { addSettledTenant } from '../../../test/collector/chaos_tenant';
import { connectionRequest, startEmulatedGraphHost } from '../../../test/host/emulated_graph_host';
import type { GraphEmulator } from '../../../test/graph_emulator';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, esUrl } from '../../../test/host/test_support';

/** Kibana without `xpack.encryptedSavedObjects.encryptionKey`: it starts, but cannot keep secrets. */
describe('a Kibana without an encryption key', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  const admin = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost({ encryptionKey: undefined }));
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await admin.close();
  });

  it('refuses to create a connection with a 400 naming the setting, before granting any key', async () => {
    const keysBefore = (await admin.security.getApiKey({ username: 'mail_admin' })).api_keys;
    const tenantId = addSettledTenant(emulator, 8951, 10, Date.now());
    const response = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
      user: 'mail_admin',
      body: connectionRequest(tenantId),
    });
    expect(response).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Kibana cannot encrypt the connection's client secret or private key: set " +
          'xpack.encryptedSavedObjects.encryptionKey in kibana.yml (32 characters or more, the ' +
          'same on every Kibana instance) and restart Kibana.',
      },
    });
    const keysAfter = (await admin.security.getApiKey({ username: 'mail_admin' })).api_keys;
    expect(keysAfter.length).toBe(keysBefore.length);
    const listed = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
    expect(listed.body).toEqual({ connections: [], username: 'mail_admin' });
  });

  it('tells the settings page through the status route', async () => {
    const status = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' });
    expect(status.status).toBe(200);
    expect(status.body.canEncrypt).toBe(false);
  });
});
