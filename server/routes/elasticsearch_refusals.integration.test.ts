import { Client } from '@elastic/elasticsearch';
import {
  connectionPath,
  CONNECTIONS_API_PATH,
  TEST_CONNECTION_API_PATH,
} from '../../common/http_api/connections';
import {
  DELIVERY_STATUS_API_PATH,
  MAX_NAMESPACES,
  MESSAGE_DETAIL_API_PATH,
  MESSAGES_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
} from '../../common/http_api/views';
import type { GraphEmulator } from '../../test/graph_emulator';
import { startEmulatedGraphHost } from '../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../test/host/kibana_host';
import { callRoute, esUrl } from '../../test/host/test_support';
import { DEFAULT_DATASET, dataStreamName } from '../lib/data_stream/data_stream_name';
import { refusedInput } from './elasticsearch_refusals';

/**
 * Input only Elasticsearch can judge, and input that used to reach it unbounded: each answered
 * with a 400 that names the field (issue 17's examples), never a 500.
 */
describe('input Elasticsearch refuses, and bounds that keep it from being asked', () => {
  const es = new Client({ node: esUrl() });
  const namespace = `refusals${Date.now()}`;
  const scope = { start: '2026-03-01T00:00:00Z', end: '2026-03-31T00:00:00Z' };
  const longestNamespace = (i: number) => `n${i}_`.repeat(40).slice(0, 100);
  let host: KibanaHost;
  let emulator: GraphEmulator;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    // The plugin installs its templates on its first request; the row's data stream needs them.
    await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' });
    // A row, so searches reach a shard: Elasticsearch builds a wildcard's automaton there.
    await es.index({
      index: dataStreamName(DEFAULT_DATASET, namespace),
      op_type: 'create',
      refresh: true,
      document: {
        '@timestamp': '2026-03-10T00:00:00Z',
        event: { action: 'delivered' },
        email: { from: { address: 'partner@fabrikam.com' }, message_id: '<m@fabrikam.com>' },
        exchange_message_trace: { row_id: 'row1' },
      },
    });
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  const search = (body: object) =>
    callRoute(host, 'POST', MESSAGES_API_PATH, {
      user: 'soc_analyst',
      body: { ...scope, ...body },
    });

  it('answers a wildcard sender search too complex for Elasticsearch with a 400 naming sender', async () => {
    const answer = await search({ sender: `*${'a'.repeat(318)}*` });
    expect(answer).toMatchObject({
      status: 400,
      body: {
        message:
          'sender: this `*` pattern is too complex for Elasticsearch to search: use fewer `*` and fewer repeated characters next to one',
      },
    });
  });

  it('refuses a message ID of 1,000 `*` at once, and runs of `*` count as one pattern', async () => {
    const started = Date.now();
    const answer = await search({ messageId: '*'.repeat(1000) });
    expect(answer).toMatchObject({
      status: 400,
      body: {
        message:
          '[request body]: messageId: must be 1 to 1000 characters, without control characters, with at most 5 `*`',
      },
    });
    expect(Date.now() - started).toBeLessThan(1000);
    const runs = await search({ messageId: '*****', namespaces: [namespace] });
    expect(runs.status).toBe(200);
  });

  it('bounds namespaces so the search request line stays within 4 KB', async () => {
    const most = Array.from({ length: MAX_NAMESPACES }, (_, i) => longestNamespace(i));
    for (const [path, body] of [
      [MESSAGES_API_PATH, scope],
      [DELIVERY_STATUS_API_PATH, scope],
      [SUSPICIOUS_SENDERS_API_PATH, scope],
      [MESSAGE_DETAIL_API_PATH, { traceId: 'unknown' }],
    ] as const) {
      const within = await callRoute(host, 'POST', path, {
        user: 'soc_analyst',
        body: { ...body, namespaces: most },
      });
      expect([path, within.status]).toEqual([path, path === MESSAGE_DETAIL_API_PATH ? 404 : 200]);
      const beyond = await callRoute(host, 'POST', path, {
        user: 'soc_analyst',
        body: { ...body, namespaces: [...most, ...most] },
      });
      expect([path, beyond]).toMatchObject([
        path,
        {
          status: 400,
          body: { message: '[request body]: namespaces: must hold at most 20 namespaces' },
        },
      ]);
    }
  });

  it("maps Elasticsearch's own refusals of a request line and a result window to the field", async () => {
    const namespaces = Array.from({ length: 30 }, (_, i) => longestNamespace(i));
    const tooLong = await es
      .search({
        index: namespaces.map((ns) => dataStreamName(DEFAULT_DATASET, ns)),
        ignore_unavailable: true,
      })
      .catch((error: unknown) => error);
    expect(refusedInput(tooLong, { namespaces })).toBe(
      'namespaces: too many, or too long, for the request line of one Elasticsearch search: choose fewer namespaces, or none to read them all'
    );
    expect(refusedInput(tooLong, { sender: 'a@b.com' })).toBeUndefined();

    const farPage = await es
      .search({ index: dataStreamName(DEFAULT_DATASET, namespace), from: 10_000, size: 100 })
      .catch((error: unknown) => error);
    expect(refusedInput(farPage, { pageIndex: 100, pageSize: 100 })).toBe(
      'pageIndex: goes past the first 10000 rows, all Elasticsearch pages through (index.max_result_window): ask for an earlier page or fewer rows'
    );
  });

  it('refuses connection IDs of several KB in paths and bodies with a 400 naming them', async () => {
    const id = 'c'.repeat(5000);
    const idMessage =
      '[request params]: id: must be a connection ID: 1 to 100 letters, digits, "-" or "_"';
    for (const [method, path, body] of [
      ['GET', connectionPath(id), undefined],
      ['PUT', connectionPath(id), {}],
      ['DELETE', connectionPath(id), undefined],
      ['POST', connectionPath(id, '_run'), undefined],
      ['POST', connectionPath(id, '_authorize'), undefined],
    ] as const) {
      const answer = await callRoute(host, method, path, { user: 'mail_admin', body });
      expect([method, path.slice(0, 60), answer.status]).toEqual([method, path.slice(0, 60), 400]);
      expect(answer.body.message).toContain(idMessage);
    }
    const inView = await search({ connectionIds: [id] });
    expect(inView).toMatchObject({
      status: 400,
      body: {
        message:
          '[request body]: connectionIds.0: must be a connection ID: 1 to 100 letters, digits, "-" or "_"',
      },
    });
    const inTest = await callRoute(host, 'POST', TEST_CONNECTION_API_PATH, {
      user: 'mail_admin',
      body: {
        tenantId: 'contoso.com',
        clientId: '00000000-0000-4000-8000-000000000001',
        authMethod: 'secret',
        secrets: {},
        connectionId: id,
      },
    });
    expect(inTest).toMatchObject({
      status: 400,
      body: {
        message:
          '[request body]: connectionId: must be a connection ID: 1 to 100 letters, digits, "-" or "_"',
      },
    });
    expect(
      (await callRoute(host, 'GET', CONNECTIONS_API_PATH, { user: 'mail_admin' })).status
    ).toBe(200);
  });
});
