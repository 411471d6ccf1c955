import { Client } from '@elastic/elasticsearch';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import { DELIVERY_STATUS_API_PATH } from '../../../common/http_api/views';
import { startHeldSearchProxy } from '../../../test/es/held_search_proxy';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import {
  basicAuth,
  callRoute,
  esUrl,
  startTestHost,
  waitFor,
} from '../../../test/host/test_support';
import { dataStreamName } from '../../lib/data_stream/data_stream_name';
import { searchView, ViewSearchTimeoutError } from '../../lib/views/view_search';

const DATASET = 'microsoft_exchange_online_message_trace.log';

/**
 * The views' searches against a cluster that takes forever to answer one data stream's searches
 * (a proxy holds them): what Kibana does about a search is whether it keeps the request open.
 */
describe('the cost of a view search', () => {
  const namespace = `slow_${Date.now()}`;
  const index = dataStreamName(DATASET, namespace);
  let proxy: Awaited<ReturnType<typeof startHeldSearchProxy>>;
  let host: KibanaHost;

  beforeAll(async () => {
    proxy = await startHeldSearchProxy(esUrl(), (path) => path.startsWith(`/${index}/`));
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()], esUrl: proxy.url });
    // Until its templates are installed the plugin answers 503 without searching.
    await waitFor(
      async () =>
        (await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'soc_analyst' })).status ===
        200,
      { what: 'the plugin to start' }
    );
  });

  afterAll(async () => {
    await host.stop();
    await proxy.close();
  });

  it("is cancelled in Elasticsearch when the view's client goes away", async () => {
    const client = new AbortController();
    const view = fetch(`${host.url}${DELIVERY_STATUS_API_PATH}`, {
      method: 'POST',
      headers: {
        'kbn-xsrf': 'true',
        'x-elastic-internal-origin': 'Kibana',
        'content-type': 'application/json',
        authorization: basicAuth('soc_analyst'),
      },
      body: JSON.stringify({
        start: '2026-11-20T00:00:00.000Z',
        end: '2026-11-21T00:00:00.000Z',
        namespaces: [namespace],
      }),
      signal: client.signal,
    }).catch((error: Error) => error.name);
    const search = await waitFor(() => proxy.held[0], { what: 'the view to search' });
    expect(search.closedAt).toBeUndefined();

    client.abort();
    expect(await view).toBe('AbortError');
    await waitFor(() => search.closedAt, { timeoutMs: 1000, what: 'the search to be cancelled' });
    expect(proxy.held).toHaveLength(1);
  });

  it('is given up after its bound, and the search with it', async () => {
    const es = new Client({ node: proxy.url });
    const heldBefore = proxy.held.length;
    const started = Date.now();
    await expect(
      searchView({ client: es, index, searchTimeoutMs: 300 }, { index, size: 0 })
    ).rejects.toThrow(new ViewSearchTimeoutError(300).message);
    const gaveUpAfterMs = Date.now() - started;
    const search = proxy.held[heldBefore]!;
    const closedAt = await waitFor(() => search.closedAt, { what: 'the search to be closed' });
    expect(closedAt - search.arrivedAt).toBeGreaterThanOrEqual(250);
    expect(proxy.held).toHaveLength(heldBefore + 1);
    expect(gaveUpAfterMs).toBeLessThan(2000);
    await es.close();
  });
});
