import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { STATUS_API_PATH } from '../../common/constants';
import { CONNECTIONS_API_PATH } from '../../common/http_api/connections';
import { indexTemplateName } from '../lib/data_stream/templates';
import { exchangeMessageTracePlugin } from '../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../test/host/kibana_host';
import { callRoute, esUrl, startTestHost, waitFor } from '../../test/host/test_support';

/**
 * A cluster where another party already owns a template at our priority on our data streams:
 * Elasticsearch refuses ours, and until that changes the plugin must say so at once, keep trying,
 * and work as soon as it can, without a restart.
 */
describe('when the data stream templates cannot be installed at start', () => {
  const admin = new Client({ node: esUrl() });
  const dataset = `emt_startup_${randomUUID().slice(0, 8)}`;
  const conflicting = `someone-elses-${dataset}`;
  let host: KibanaHost;

  beforeAll(async () => {
    await admin.indices.putIndexTemplate({
      name: conflicting,
      index_patterns: [`logs-${dataset}-*`],
      priority: 150,
      data_stream: {},
    });
    host = await startTestHost({
      plugins: [exchangeMessageTracePlugin()],
      config: { exchange_message_trace: { dataStream: { dataset } } },
    });
  });

  afterAll(async () => {
    await host.stop();
    await admin.indices.deleteIndexTemplate({ name: conflicting }, { ignore: [404] });
    await admin.close();
  });

  it('answers 503 with the reason within a second, then works once the conflict is gone', async () => {
    const started = Date.now();
    const refused = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused.status).toBe(503);
    expect(refused.body.message).toContain(
      'Exchange Message Trace could not install its Elasticsearch templates (attempt'
    );
    // Elasticsearch's own reason, which names the template in the way.
    expect(refused.body.message).toContain(conflicting);
    expect(refused.body.message).toContain('same priority [150]');

    const status = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' });
    expect(status.status).toBe(200);
    // The same reason (its attempt number and retry time may have moved on meanwhile).
    expect(status.body.notReadyReason).toContain(conflicting);
    expect(status.body.notReadyReason).toContain('same priority [150]');

    await admin.indices.deleteIndexTemplate({ name: conflicting });
    const served = await waitFor(
      async () => {
        const response = await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
        return response.status === 200 ? response : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'the plugin to start once the conflict is gone' }
    );
    expect(served.body).toEqual({ connections: [], username: 'mail_admin' });
    const recovered = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' });
    expect(recovered.body.notReadyReason).toBeUndefined();
    const ours = await admin.indices.getIndexTemplate({ name: indexTemplateName(dataset) });
    expect(ours.index_templates[0]!.index_template.index_patterns).toEqual([`logs-${dataset}-*`]);
  });
});
