import { Client } from '@elastic/elasticsearch';
import { STATUS_API_PATH } from '../../common/constants';
import { exchangeMessageTracePlugin } from '../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../test/host/kibana_host';
import { callRoute, esUrl, startTestHost } from '../../test/host/test_support';

describe(`GET ${STATUS_API_PATH}`, () => {
  let host: KibanaHost;

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
  });

  afterAll(async () => {
    await host.stop();
  });

  it('reports the Elasticsearch cluster to a user with the read privilege', async () => {
    const es = new Client({ node: esUrl() });
    const nodes = await es.nodes.info({ node_id: '_local' });
    await es.close();
    const version = Object.values(nodes.nodes)[0]!.version;
    const response = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' });
    expect(response).toEqual({
      status: 200,
      body: {
        kibanaVersion: '9.5.3',
        elasticsearch: { clusterName: nodes.cluster_name, version },
        canEncrypt: true,
        // Which, on this shared node, depends on the suites before: fleet_package.integration.test.ts
        // checks the value on a dataset of its own.
        fleetPackage: expect.objectContaining({
          state: expect.stringMatching(/^(absent|present)$/),
        }),
      },
    });
  });

  it('answers 403 to a user without the feature', async () => {
    const response = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'no_access' });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('[read_exchange_message_trace]');
  });
});
