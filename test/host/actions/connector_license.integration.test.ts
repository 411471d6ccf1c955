import { Client } from '@elastic/elasticsearch';
import { startNamedElasticsearch, type NamedEsNode } from '../../es/es_node';
import { basicAuthorization } from '../elasticsearch/credentials';
import type { KibanaHost } from '../kibana_host';
import { callRoute, startTestHost } from '../test_support';

/**
 * Kibana licenses `.webhook` at gold and `.server-log` at basic against Elasticsearch's own
 * license. A node of its own, which starts on the basic license (the shared test node runs the
 * trial), shows the refusal, then the trial Elasticsearch starts lifts it.
 */
describe('connector types under Elasticsearch’s license', () => {
  let node: NamedEsNode;
  let host: KibanaHost;
  let admin: Client;
  let authorization: string;

  beforeAll(async () => {
    node = await startNamedElasticsearch('host-license-basic');
    const url = new URL(node.url);
    authorization = basicAuthorization({
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    admin = new Client({ node: node.url });
    host = await startTestHost({ esUrl: node.url, plugins: [] });
  }, 180_000);

  afterAll(async () => {
    await host?.stop();
    await admin?.close();
    await node?.stop();
  }, 60_000);

  const createConnector = (connectorTypeId: string, config: object) =>
    callRoute(host, 'POST', '/api/actions/connector', {
      headers: { authorization },
      body: { name: connectorTypeId, connector_type_id: connectorTypeId, config, secrets: {} },
    });
  const webhook = { url: 'http://127.0.0.1:9/hook', hasAuth: false, authType: null };

  it('refuses a webhook connector under basic, takes a server-log one, and the webhook once on trial', async () => {
    const { license } = await admin.license.get();
    expect(license.type).toBe('basic');
    expect(await createConnector('.webhook', webhook)).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message:
          'Action type .webhook is disabled because your basic license does not support it. Please upgrade your license.',
      },
    });
    expect((await createConnector('.server-log', {})).status).toBe(200);
    await admin.license.postStartTrial({ acknowledge: true });
    expect((await createConnector('.webhook', webhook)).status).toBe(200);
  });
});
