import { randomUUID } from 'node:crypto';
import { STATUS_API_PATH } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  DISCOVER_DOMAINS_API_PATH,
  TEST_CONNECTION_API_PATH,
  connectionPath,
} from '../../../common/http_api/connections';
import { FILES_IMPORT_API_PATH } from '../../../common/http_api/files';
import {
  DELIVERY_STATUS_API_PATH,
  KNOWN_SENDERS_API_PATH,
  MESSAGE_DETAIL_API_PATH,
  MESSAGES_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
} from '../../../common/http_api/views';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, startTestHost } from '../../../test/host/test_support';

const range = { start: '2026-11-01T00:00:00.000Z', end: '2026-11-02T00:00:00.000Z' };
// No test writes this trace id, so its detail is a 404 after the read was allowed, whatever ran before.
const UNWRITTEN_TRACE_ID = randomUUID();

/** The views, each with a request that is valid for it. */
const VIEWS: Array<[string, unknown]> = [
  [DELIVERY_STATUS_API_PATH, range],
  [SUSPICIOUS_SENDERS_API_PATH, range],
  [MESSAGES_API_PATH, range],
  [MESSAGE_DETAIL_API_PATH, { traceId: UNWRITTEN_TRACE_ID }],
];

/** Every route that changes something, or spends a tenant's Graph budget on a secret. */
const WRITES: Array<[string, string]> = [
  ['POST', CONNECTIONS_API_PATH],
  ['PUT', connectionPath('c1')],
  ['DELETE', connectionPath('c1')],
  ['POST', connectionPath('c1', '_run')],
  ['POST', connectionPath('c1', '_authorize')],
  ['POST', connectionPath('c1', '_backfill')],
  ['POST', TEST_CONNECTION_API_PATH],
  ['POST', DISCOVER_DOMAINS_API_PATH],
  ['POST', KNOWN_SENDERS_API_PATH],
  ['DELETE', knownSenderPath('spam@example.com')],
  ['POST', FILES_IMPORT_API_PATH],
];

/** What Elasticsearch's own privileges let the fixture users do, through every route. */
describe('the routes against the users’ own Elasticsearch privileges', () => {
  let host: KibanaHost;

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
  });

  afterAll(async () => {
    await host.stop();
  });

  it('lets soc_analyst (feature read, index read) see the status and every view', async () => {
    expect((await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' })).status).toBe(
      200
    );
    const statuses = await Promise.all(
      VIEWS.map(async ([path, body]) => [
        path,
        (await callRoute(host, 'POST', path, { user: 'soc_analyst', body })).status,
      ])
    );
    expect(statuses).toEqual([
      [DELIVERY_STATUS_API_PATH, 200],
      [SUSPICIOUS_SENDERS_API_PATH, 200],
      [MESSAGES_API_PATH, 200],
      [MESSAGE_DETAIL_API_PATH, 404],
    ]);
    const known = await callRoute(host, 'GET', KNOWN_SENDERS_API_PATH, { user: 'soc_analyst' });
    expect(known.status).toBe(200);
  });

  it('refuses soc_analyst every write, naming the Kibana privilege', async () => {
    for (const [method, path] of WRITES) {
      const response = await callRoute(host, method, path, { user: 'soc_analyst', body: {} });
      expect({ method, path, ...response }).toEqual({
        method,
        path,
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: `API [${method} ${path}] is unauthorized for user, this action is granted by the Kibana privileges [manage_exchange_message_trace]`,
        },
      });
    }
  });

  it('answers a viewer without index read with a 403 that names the missing privilege', async () => {
    for (const [path, body] of VIEWS) {
      const response = await callRoute(host, 'POST', path, {
        user: 'analyst_without_index',
        body,
      });
      expect({ path, ...response }).toEqual({
        path,
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message:
            'User [analyst_without_index] lacks the Elasticsearch index privilege [read] on ' +
            '[logs-microsoft_exchange_online_message_trace.log-*]: the views read the message ' +
            'traces with your own Elasticsearch privileges. Ask an administrator to add it to ' +
            'your role.',
        },
      });
    }
  });
});
