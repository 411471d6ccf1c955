import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';
import fc from 'fast-check';
import type { RouteConfig, RouteMethod } from '@kbn/core/server';
import { API_PRIVILEGES } from '../../common/constants';
import { connectionSecretsCodec, connectionSettingsCodec } from '../../common/connection';
import type { ConnectionView } from '../../common/http_api/connections';
import { FILE_FORMATS, DATE_CULTURES } from '../../common/http_api/files';
import {
  MAX_CONNECTION_IDS,
  MAX_NAMESPACES,
  MESSAGE_SORT_FIELDS,
  SENDER_SORT_FIELDS,
} from '../../common/http_api/views';
import { SENDER_REASON_CODES } from '../../common/sender_reasons';
import { CHAOS_CLIENT_ID, CHAOS_SECRET } from '../../test/collector/chaos_tenant';
import { FILE_FIXTURES, fixturePath } from '../../test/fixtures/files/fixture_files';
import {
  answerProblem,
  type Caller,
  type RouteRules,
  type SentRequest,
} from '../../test/hostile_input/answer_rules';
import {
  hostileBody,
  hostilePathSegment,
  hostileText,
} from '../../test/hostile_input/hostile_values';
import { WriteWatch, writesBetween } from '../../test/hostile_input/write_watch';
import type { GraphEmulator } from '../../test/graph_emulator';
import {
  connectionRequest,
  createConnection,
  startEmulatedGraphHost,
} from '../../test/host/emulated_graph_host';
import { pluginRouteList } from '../../test/host/http/plugin_route_list';
import type { KibanaHost } from '../../test/host/kibana_host';
import { basicAuth, esUrl } from '../../test/host/test_support';
import { DEFAULT_DATASET, dataStreamPattern } from '../lib/data_stream/data_stream_name';
import { normalizeSender } from '../lib/scoring/known_good';

/**
 * Seeded, so a failure replays: HOSTILE_INPUT_SEED=<seed> reruns the same requests (fast-check
 * prints the seed and the path of a counterexample).
 */
const SEED = Number(process.env.HOSTILE_INPUT_SEED ?? 17);
const REQUESTS = Number(process.env.HOSTILE_INPUT_REQUESTS ?? 5000);
/** Measured at 84 s for 5,000 requests on this shared 2-core machine; the limit leaves room. */
const TIME_LIMIT_MS = 150_000;

/** Routes that write with refresh wait_for, sign in to Entra ID, or import a file. */
const SLOW_ROUTES = [
  'POST /internal/exchange_message_trace/connections',
  'PUT /internal/exchange_message_trace/connections/{id}',
  'DELETE /internal/exchange_message_trace/connections/{id}',
  '/_authorize',
  '/_test',
  '/_discover_domains',
  '/files/_import',
  'POST /internal/exchange_message_trace/views/known_senders',
  '/known_senders/{sender}',
];

const CALLERS: Array<{ weight: number; arbitrary: fc.Arbitrary<Caller> }> = [
  { weight: 5, arbitrary: fc.constant('mail_admin') },
  { weight: 3, arbitrary: fc.constant('soc_analyst') },
  { weight: 1, arbitrary: fc.constant('no_access') },
  { weight: 1, arbitrary: fc.constant('anonymous') },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
/** Where the fixture documents lie, and a scope around them. */
const RECEIVED = Date.parse('2026-03-10T12:00:00Z');
const SCOPE = { start: iso(RECEIVED - DAY), end: iso(RECEIVED + DAY) };
const NAMESPACE = `hostile${NOW}`;
const TRACE_ID = '6c2e6c5e-0000-4000-8000-00000000f00d';
const RECIPIENT = 'user@contoso.com';
const SENDER = 'partner@fabrikam.com';
/** No emulator tenant has it: the routes that sign in hear Entra ID refuse it. */
const UNKNOWN_TENANT = '00000000-0000-4000-8000-0000000000ff';

const repeat = (text: string, length: number) => text.repeat(length).slice(0, length);
const MAX_ID = repeat('id-', 100);
const longestNamespace = (i: number) => repeat(`n${i}_`, 100);

/** A value at its bound, or valid but extreme: it passes the codecs and reaches Elasticsearch. */
const searchEdges = (max: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: max - 2 }).map((run) => `*${repeat('a', run)}*`),
    fc.constant(`${'a*'.repeat(5)}${repeat('b', max - 10)}`),
    fc.constant(repeat('x', max)),
    fc.constant(' *padded* ')
  );
const scopeEdges = {
  start: fc.constantFrom(
    iso(RECEIVED - 400 * DAY),
    '2026-03-09T12:00:00+14:00',
    '2026-02-28T23:59:59.999999999Z'
  ),
  end: fc.constantFrom(iso(RECEIVED - DAY), '2026-03-11T12:00:00-12:00', '9999-12-31T23:59:59Z'),
  namespaces: fc.constantFrom(
    Array.from({ length: MAX_NAMESPACES }, (_, i) => longestNamespace(i)),
    [NAMESPACE, 'default']
  ),
  connectionIds: fc.constant(
    Array.from({ length: MAX_CONNECTION_IDS }, (_, i) => repeat(`c${i}-`, 100))
  ),
};

type Generated = SentRequest & { path: string };

interface FuzzedRoute extends RouteRules {
  request: fc.Arbitrary<Generated>;
}

function routeTable(existingId: () => string): Record<string, Omit<FuzzedRoute, 'privilege'>> {
  const connectionId = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null).map(() => existingId()) },
    { weight: 1, arbitrary: fc.constant(MAX_ID) },
    { weight: 4, arbitrary: hostilePathSegment }
  );
  const withId =
    (action = '') =>
    (id: string) =>
      `/internal/exchange_message_trace/connections/${encodeURIComponent(id)}${action}`;
  const connectionBody = () =>
    hostileBody(
      connectionRequest(UNKNOWN_TENANT, {
        name: 'Hostile input',
        namespace: NAMESPACE,
        enabled: false,
      }) as unknown as Record<string, unknown>,
      {
        name: fc.constantFrom(repeat('N', 200), 'Ünïcødé 😀 name', ' leading space'),
        tenantId: fc.constant(
          `${repeat('a', 63)}.${repeat('b', 63)}.${repeat('c', 63)}.${repeat('d', 61)}`
        ),
        localDomains: fc.constantFrom(
          Array.from({ length: 5000 }, (_, i) => `d${i}.example`),
          Array.from({ length: 5001 }, (_, i) => `d${i}.example`)
        ),
        namespace: fc.constant(longestNamespace(0)),
        certificateThumbprint: fc.constant(repeat('ab:', 200)),
        certificatePrivateKey: fc.constant(
          `-----BEGIN PRIVATE KEY-----\n${repeat('A', 40_000)}\n-----END PRIVATE KEY-----`
        ),
      }
    );
  const idRoute = (action: string, body?: fc.Arbitrary<unknown>) =>
    (body ? fc.tuple(connectionId, body) : fc.tuple(connectionId)).map(([id, sent]) => ({
      path: withId(action)(id as string),
      params: { id: id as string },
      ...(body ? { body: sent } : {}),
    }));
  const idLookup = (request: SentRequest) => [request.params?.id];
  const connectionFields = {
    body: [
      ...connectionSettingsCodec.types.flatMap((type) => Object.keys(type.props)),
      ...Object.keys(connectionSecretsCodec.props),
    ],
  };

  const testBody = () =>
    fc
      .tuple(
        hostileBody(
          {
            tenantId: UNKNOWN_TENANT,
            clientId: CHAOS_CLIENT_ID,
            authMethod: 'secret',
            secrets: { clientSecret: CHAOS_SECRET },
          },
          {
            connectionId: fc.oneof(
              fc.constant(null).map(() => existingId()),
              fc.constant(MAX_ID)
            ),
            secrets: fc.constantFrom({}, { certificatePrivateKey: 'x' }, { clientSecret: 'x' }),
          }
        )
      )
      .map(([body]) => body);
  const testFields = {
    body: [
      'tenantId',
      'clientId',
      'authMethod',
      'secrets',
      'connectionId',
      'certificateThumbprint',
    ],
  };
  const connectionLookup = (request: SentRequest) => [
    (request.body as { connectionId?: string } | undefined)?.connectionId,
  ];
  const view = (
    path: string,
    base: Record<string, unknown>,
    edges: Record<string, fc.Arbitrary<unknown>>
  ) => hostileBody(base, { ...scopeEdges, ...edges }).map((body) => ({ path, body }));
  const scopeFields = ['start', 'end', 'namespaces', 'connectionIds'];
  const searchFields = {
    sender: searchEdges(320),
    recipient: searchEdges(320),
    subject: searchEdges(500),
    messageId: searchEdges(1000),
    traceId: searchEdges(100),
    ip: fc.constantFrom('::ffff:192.0.2.1/128', '0.0.0.0/0', '2001:db8::'),
    statuses: fc.constant(Array.from({ length: 20 }, (_, i) => repeat(`s${i}`, 50))),
    pageIndex: fc.constantFrom(399, 99, 0),
    pageSize: fc.constantFrom(100, 25, 1),
    sortField: fc.constantFrom(...MESSAGE_SORT_FIELDS),
  };
  const { pageIndex, pageSize, sortField, ...exportFields } = searchFields;
  /** The senders view and its CSV: one request codec. */
  const sendersView = (path: string) => ({
    fields: {
      body: [
        ...scopeFields,
        'groupBy',
        'baselineDays',
        'includeKnownGood',
        'reasons',
        'sortField',
        'sortDirection',
        'pageIndex',
        'pageSize',
      ],
    },
    request: view(path, SCOPE, {
      baselineDays: fc.constantFrom(60, 1),
      reasons: fc.constant([...SENDER_REASON_CODES, ...SENDER_REASON_CODES]),
      sortField: fc.constantFrom(...SENDER_SORT_FIELDS),
      pageIndex: fc.constantFrom(999, 19, 0),
      pageSize: fc.constantFrom(100, 50, 1),
    }),
  });
  const fileBytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
    fc
      .tuple(fc.constantFrom(...Object.values(FILE_FIXTURES)), fc.integer({ min: 0, max: 3000 }))
      .map(([name, cut]) => readFileSync(fixturePath(name)).subarray(0, cut)),
    fc
      .uint8Array({ maxLength: 200 })
      .map((bytes) => Buffer.concat([Buffer.from([0x1f, 0x8b]), bytes])),
    hostileText.map((text) => Buffer.from(String(text)))
  );
  // Node refuses a request line and headers past 16 KB with a 431 before any route sees them.
  const queryText = hostileText.map((text) => text.slice(0, 200));
  const importQuery = fc.record(
    {
      format: fc.oneof(fc.constantFrom(...FILE_FORMATS), queryText),
      timezone: fc.oneof(fc.constantFrom('Europe/Berlin', 'UTC'), queryText),
      dateCulture: fc.oneof(fc.constantFrom(...DATE_CULTURES), queryText),
      localDomains: fc.oneof(fc.constant('contoso.com,fabrikam.com'), queryText),
      connectionId: fc.oneof(
        fc.constant(null).map(() => existingId()),
        queryText
      ),
      namespace: fc.oneof(fc.constant(NAMESPACE), queryText),
      matchSubdomains: fc.oneof(fc.constantFrom('true', 'false'), queryText),
    },
    { requiredKeys: [] }
  );

  const base = '/internal/exchange_message_trace';
  return {
    [`GET ${base}/status`]: { fields: {}, request: fc.constant({ path: `${base}/status` }) },
    [`GET ${base}/connections`]: {
      fields: {},
      request: fc.constant({ path: `${base}/connections` }),
    },
    [`GET ${base}/connections/{id}`]: {
      fields: { params: ['id'] },
      request: idRoute(''),
      lookups: idLookup,
    },
    [`POST ${base}/connections`]: {
      fields: connectionFields,
      request: connectionBody().map((body) => ({ path: `${base}/connections`, body })),
    },
    [`PUT ${base}/connections/{id}`]: {
      fields: { ...connectionFields, params: ['id'] },
      request: idRoute('', connectionBody()),
      lookups: idLookup,
      conflicts: true,
    },
    [`DELETE ${base}/connections/{id}`]: {
      fields: { params: ['id'] },
      request: idRoute(''),
      lookups: idLookup,
      conflicts: true,
    },
    [`POST ${base}/connections/{id}/_run`]: {
      fields: { params: ['id'] },
      request: idRoute('/_run'),
      lookups: idLookup,
      conflicts: true,
    },
    [`POST ${base}/connections/{id}/_backfill`]: {
      fields: { params: ['id'], body: ['start', 'end'] },
      request: idRoute(
        '/_backfill',
        hostileBody(
          { start: iso(NOW - DAY), end: iso(NOW - HOUR) },
          { start: fc.constantFrom(iso(NOW - 95 * DAY), '2026-02-30T00:00:00Z') }
        )
      ),
      lookups: idLookup,
      conflicts: true,
    },
    [`POST ${base}/connections/{id}/_authorize`]: {
      fields: { params: ['id'] },
      request: idRoute('/_authorize'),
      lookups: idLookup,
      conflicts: true,
    },
    [`POST ${base}/connections/_test`]: {
      fields: testFields,
      request: testBody().map((body) => ({ path: `${base}/connections/_test`, body })),
      lookups: connectionLookup,
    },
    [`POST ${base}/connections/_discover_domains`]: {
      fields: testFields,
      request: testBody().map((body) => ({ path: `${base}/connections/_discover_domains`, body })),
      lookups: connectionLookup,
    },
    [`POST ${base}/files/_import`]: {
      fields: {
        query: [
          'format',
          'timezone',
          'dateCulture',
          'localDomains',
          'connectionId',
          'namespace',
          'matchSubdomains',
        ],
        body: [],
      },
      fileBody: true,
      request: fc.tuple(importQuery, fileBytes).map(([query, body]) => ({
        path: `${base}/files/_import`,
        query: query as Record<string, string>,
        body,
      })),
      lookups: (request) => [request.query?.connectionId as string | undefined],
    },
    [`POST ${base}/views/delivery_status`]: {
      fields: { body: [...scopeFields, 'direction'] },
      request: view(`${base}/views/delivery_status`, SCOPE, {
        direction: fc.constant(['inbound', 'outbound', 'internal', 'external']),
      }),
    },
    [`POST ${base}/views/suspicious_senders`]: sendersView(`${base}/views/suspicious_senders`),
    [`POST ${base}/views/suspicious_senders/_csv`]: sendersView(
      `${base}/views/suspicious_senders/_csv`
    ),
    [`POST ${base}/views/campaign`]: {
      fields: { body: [...scopeFields, 'sender', 'subject', 'messageId', 'ip'] },
      request: view(
        `${base}/views/campaign`,
        { ...SCOPE, sender: SENDER },
        {
          sender: searchFields.sender,
          subject: searchFields.subject,
          messageId: searchFields.messageId,
          ip: searchFields.ip,
        }
      ),
    },
    [`POST ${base}/views/messages/_csv`]: {
      fields: { body: [...scopeFields, ...Object.keys(exportFields)] },
      request: view(`${base}/views/messages/_csv`, { ...SCOPE, sender: SENDER }, exportFields),
    },
    [`POST ${base}/views/messages`]: {
      fields: {
        body: [...scopeFields, ...Object.keys(searchFields), 'direction', 'sortDirection'],
      },
      request: view(`${base}/views/messages`, { ...SCOPE, sender: SENDER }, searchFields),
    },
    [`POST ${base}/views/messages/_detail`]: {
      fields: { body: ['traceId', 'connectionIds', 'namespaces', 'withDocuments'] },
      request: view(`${base}/views/messages/_detail`, { traceId: TRACE_ID }, {}),
      lookups: (request) => [(request.body as { traceId?: string }).traceId],
    },
    [`POST ${base}/views/messages/_trail`]: {
      fields: { body: ['traceId', 'recipient', 'connectionId'] },
      request: hostileBody(
        { traceId: TRACE_ID, recipient: RECIPIENT },
        { recipient: fc.constant(repeat('r', 320)), connectionId: fc.constant(MAX_ID) }
      ).map((body) => ({ path: `${base}/views/messages/_trail`, body })),
      lookups: (request) => [(request.body as { traceId?: string }).traceId],
    },
    [`GET ${base}/views/known_senders`]: {
      fields: {},
      request: fc.constant({ path: `${base}/views/known_senders` }),
    },
    [`POST ${base}/views/known_senders`]: {
      fields: { body: ['sender', 'note'] },
      request: hostileBody(
        { sender: 'spam@example.com', note: 'fine' },
        {
          sender: fc.constant(`${repeat('a', 64)}@${repeat('b', 250)}.com`),
          note: fc.constantFrom(repeat('n', 500), ` ${repeat('n', 498)} `),
        }
      ).map((body) => ({ path: `${base}/views/known_senders`, body })),
    },
    [`DELETE ${base}/views/known_senders/{sender}`]: {
      fields: { params: ['sender'] },
      request: fc
        .oneof(fc.constantFrom('spam@example.com', ' Example.COM '), hostilePathSegment)
        .map((sender) => ({
          path: `${base}/views/known_senders/${encodeURIComponent(sender)}`,
          params: { sender },
        })),
      lookups: (request) => [normalizeSender(request.params?.sender ?? '')],
    },
  };
}

/** Every route the plugin registers, as Kibana would file them, with its feature privilege. */
function registeredRoutes(): Array<{ key: string; privilege: string }> {
  const routes = pluginRouteList();
  return routes.map((route) => {
    const security = (route.config as RouteConfig<unknown, unknown, unknown, RouteMethod>)
      .security as { authz: { requiredPrivileges: string[] } };
    const [required] = security.authz.requiredPrivileges;
    return {
      key: `${route.method.toUpperCase()} ${route.path}`,
      privilege: required === API_PRIVILEGES.manage ? 'manage' : 'read',
    };
  });
}

async function send(host: KibanaHost, method: string, caller: Caller, request: Generated) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const one of [value].flat()) query.append(key, String(one));
  }
  const search = query.size > 0 ? `?${query}` : '';
  const isFile = Buffer.isBuffer(request.body);
  const response = await fetch(`${host.url}${request.path}${search}`, {
    method,
    headers: {
      'kbn-xsrf': 'true',
      'x-elastic-internal-origin': 'Kibana',
      'content-type': isFile ? 'application/octet-stream' : 'application/json',
      ...(caller === 'anonymous' ? {} : { authorization: basicAuth(caller) }),
    },
    body: isFile
      ? new Uint8Array(request.body as Buffer)
      : request.body === undefined
        ? undefined
        : JSON.stringify(request.body),
  });
  const text = await response.text();
  let message: string | undefined;
  try {
    message = (JSON.parse(text) as { message?: string }).message;
  } catch {
    message = text;
  }
  return { status: response.status, message };
}

describe('every route against hostile input, as every user', () => {
  const es = new Client({ node: esUrl() });
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let existing: ConnectionView;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    existing = await createConnection(
      host,
      connectionRequest(UNKNOWN_TENANT, {
        name: 'Hostile input target',
        namespace: NAMESPACE,
        enabled: false,
      })
    );
    // Known senders are saved with refresh wait_for: a shorter interval only makes the wait short.
    await es.indices.putSettings({
      index: `${host.savedObjects.index}*`,
      settings: { 'index.refresh_interval': '100ms' },
    });
    // Rows for the views to find, so searches reach the shards (where a pattern is built).
    await es.bulk({
      refresh: true,
      operations: [0, 1, 2].flatMap((i) => [
        { create: { _index: `logs-${DEFAULT_DATASET}-${NAMESPACE}` } },
        {
          '@timestamp': iso(RECEIVED + i * HOUR),
          event: { action: ['delivered', 'failed', 'pending'][i] },
          email: {
            local_id: TRACE_ID,
            message_id: `<m${i}@fabrikam.com>`,
            subject: `Invoice ${i}`,
            from: { address: SENDER },
            to: { address: i === 0 ? RECIPIENT : `other${i}@contoso.com` },
            direction: 'inbound',
          },
          source: { domain: 'fabrikam.com', ip: '192.0.2.1' },
          destination: { domain: 'contoso.com' },
          exchange_message_trace: { row_id: `row${i}` },
        },
      ]),
    });
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  it('answers 4xx naming the field, never 5xx, and writes nothing on a 4xx', async () => {
    const table = routeTable(() => existing.id);
    const registered = registeredRoutes();
    expect(Object.keys(table).sort()).toEqual(registered.map((route) => route.key).sort());
    const routes: FuzzedRoute[] = registered.map(({ key, privilege }) => ({
      ...table[key]!,
      privilege,
    }));
    const methods = registered.map(({ key }) => key.split(' ')[0]!);

    const soIndex = `${host.savedObjects.index}*`;
    const taskIndex = `${host.taskManager.index}*`;
    const watch = new WriteWatch(es, [soIndex, taskIndex, dataStreamPattern(DEFAULT_DATASET)]);
    let writes = await watch.count();
    const statuses = new Map<string, number>();
    let requests = 0;
    const started = Date.now();

    // Every route is drawn hundreds of times; those that wait for a refresh or for Entra ID less.
    const routeIndex = fc.oneof(
      ...registered.map(({ key }, index) => ({
        weight: SLOW_ROUTES.some((slow) => key.endsWith(slow)) ? 2 : 5,
        arbitrary: fc.constant(index),
      }))
    );
    const property = fc.asyncProperty(
      routeIndex.chain((index) =>
        fc.tuple(fc.constant(index), fc.oneof(...CALLERS), routes[index]!.request)
      ),
      async ([index, caller, request]) => {
        const route = routes[index]!;
        const answer = await send(host, methods[index]!, caller, request);
        requests += 1;
        statuses.set(String(answer.status), (statuses.get(String(answer.status)) ?? 0) + 1);
        const problem = answerProblem(route, caller, request, answer);
        const before = writes;
        writes = await watch.count(before, registered[index]!.key.includes('/connections'));
        if (problem) throw new Error(`${problem}: ${answer.message}`);
        const wrote = writesBetween(before, writes, answer.status === 404);
        if (answer.status >= 400 && wrote.length > 0) {
          throw new Error(`a ${answer.status} that wrote (${wrote.join(', ')}): ${answer.message}`);
        }
      }
    );
    try {
      await fc.assert(property, {
        seed: SEED,
        numRuns: REQUESTS,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: true,
      });
    } finally {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const byStatus = [...statuses]
        .sort()
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ');
      const serverErrors = host.logSink.lines.filter((line) => line.message.startsWith('5'));
      for (const line of serverErrors.slice(0, 3)) {
        process.stdout.write(`${JSON.stringify(line.meta).slice(0, 1500)}\n`);
      }
      process.stdout.write(
        `hostile input: seed ${SEED}, ${requests} requests over ${routes.length} routes × 4 callers in ${seconds} s (${byStatus})\n`
      );
    }
    expect(requests).toBeGreaterThanOrEqual(5000);
  }, 200_000);
});
