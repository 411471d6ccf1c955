import { Client, errors } from '@elastic/elasticsearch';

/**
 * Data streams on the node scripts/es.mjs runs (the integ-test distribution). That distribution
 * lacks the data-streams module, so the _data_stream APIs (get, delete, stats) answer "no handler
 * found"; everything in the server itself works: templates, auto-creation on write, rollover,
 * _resolve/index, search and mappings. The assertions use only those, so they hold on every
 * distribution.
 */

const COMPONENT_TEMPLATE = 'emttest-mappings';
const INDEX_TEMPLATE = 'emttest';
// A namespace per run: without the _data_stream API a data stream cannot be deleted, so a reused
// node may still hold the previous run's.
const DATA_STREAM = `logs-emttest.x-run${Date.now().toString(36)}`;

const documents = [
  { '@timestamp': '2026-01-01T10:00:00Z', sender: 'a@contoso.com', source: { ip: '10.0.0.1' } },
  { '@timestamp': '2026-01-01T10:00:01Z', sender: 'b@contoso.com', source: { ip: '10.0.0.2' } },
  { '@timestamp': '2026-01-01T10:00:02Z', sender: 'c@contoso.com', source: { ip: '2001:db8::1' } },
];

function esUrl(): string {
  const url = process.env.ES_URL;
  if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
  return url;
}

const client = new Client({ node: esUrl() });

/** 9.x answers "no handler found" (400); 8.19 "Incorrect HTTP method" (405) for another verb. */
function isMissingEndpoint(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return false;
  const message = String((error.body as { error?: unknown } | undefined)?.error);
  return (
    (error.statusCode === 400 && message.startsWith('no handler found')) ||
    (error.statusCode === 405 && message.startsWith('Incorrect HTTP method'))
  );
}

/** Templates in use by a data stream cannot be removed, so they go only with the data stream. */
async function removeDataStreamAndTemplates(): Promise<void> {
  try {
    await client.indices.deleteDataStream({ name: DATA_STREAM });
  } catch (error) {
    if (isMissingEndpoint(error)) return;
    throw error;
  }
  await client.indices.deleteIndexTemplate({ name: INDEX_TEMPLATE });
  await client.cluster.deleteComponentTemplate({ name: COMPONENT_TEMPLATE });
}

beforeAll(async () => {
  await client.cluster.putComponentTemplate({
    name: COMPONENT_TEMPLATE,
    template: {
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          sender: { type: 'keyword' },
          source: { properties: { ip: { type: 'ip' } } },
        },
      },
    },
  });
  await client.indices.putIndexTemplate({
    name: INDEX_TEMPLATE,
    index_patterns: ['logs-emttest.*-*'],
    data_stream: {},
    // Above the built-in logs-*-* template (priority 100) of full distributions.
    priority: 200,
    composed_of: [COMPONENT_TEMPLATE],
  });
  const result = await client.bulk({
    index: DATA_STREAM,
    operations: documents.flatMap((document) => [{ create: {} }, document]),
  });
  if (result.errors) throw new Error(`bulk failed: ${JSON.stringify(result.items)}`);
  await client.indices.refresh({ index: DATA_STREAM });
});

afterAll(async () => {
  await removeDataStreamAndTemplates();
  await client.close();
});

describe('data streams on the test node', () => {
  it('creates the data stream with one backing index on the first write', async () => {
    const resolved = await client.indices.resolveIndex({
      name: DATA_STREAM,
      expand_wildcards: 'all',
    });

    expect(resolved.data_streams).toHaveLength(1);
    const [dataStream] = resolved.data_streams;
    expect(dataStream?.name).toBe(DATA_STREAM);
    expect(dataStream?.timestamp_field).toBe('@timestamp');
    expect(dataStream?.backing_indices).toHaveLength(1);
    expect(dataStream?.backing_indices[0]).toMatch(/^\.ds-logs-emttest\.x-run.*-000001$/);
  });

  it('makes the three documents searchable', async () => {
    const result = await client.search({
      index: DATA_STREAM,
      query: { term: { 'source.ip': '10.0.0.0/8' } },
      sort: [{ '@timestamp': 'asc' }],
      track_total_hits: true,
    });

    expect(await client.count({ index: DATA_STREAM })).toMatchObject({ count: 3 });
    expect(result.hits.hits.map((hit) => (hit._source as { sender: string }).sender)).toEqual([
      'a@contoso.com',
      'b@contoso.com',
    ]);
  });

  it('maps fields from our template', async () => {
    const mappings = await client.indices.getMapping({ index: DATA_STREAM });
    const [backing] = Object.values(mappings);
    expect(backing?.mappings.properties?.source).toEqual({
      properties: { ip: { type: 'ip' } },
    });

    await expect(
      client.index({
        index: DATA_STREAM,
        op_type: 'create',
        document: { '@timestamp': '2026-01-01T10:00:03Z', source: { ip: 'not-an-ip' } },
      })
    ).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { type: 'document_parsing_exception' } },
    });
  });
});
