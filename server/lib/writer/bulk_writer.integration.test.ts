import { Client, type estypes } from '@elastic/elasticsearch';
import { Client as Client8 } from 'es8';
import { type GraphMessageTrace } from '../../../common/graph/message_trace';
import { dataStreamName } from '../data_stream/data_stream_name';
import { installTemplates, type TemplateClient } from '../data_stream/templates';
import { withEventIngested } from '../ecs/event_ingested';
import { createMessageTraceMapper } from '../ecs/message_trace_document';
import { writeDocuments, type WriterClient } from './bulk_writer';

/**
 * Against the real node: our templates installed, documents written through the writer into the
 * default dataset, a namespace per run (the test node cannot delete data streams).
 */
const url = process.env.ES_URL;
if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
const client = new Client({ node: url });
const run = Date.now().toString(36);
const noSleep = async () => undefined;

function rows(count: number, status = 'Delivered'): GraphMessageTrace[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    messageId: `<m${index}@fabrikam.com>`,
    receivedDateTime: `2026-03-01T10:00:${String(index % 60).padStart(2, '0')}.1234567Z`,
    senderAddress: `sender${index}@fabrikam.com`,
    recipientAddress: `User${index}@Contoso.com`,
    subject: index % 3 === 0 ? null : `Subject ${index}`,
    status,
    size: 1000 + index,
    fromIP: '81.2.69.144',
    toIP: index % 2 === 0 ? '' : '2001:db8::1',
  }));
}

function documentsFor(namespace: string, source: GraphMessageTrace[]) {
  const mapNamespace = createMessageTraceMapper({ localDomains: ['contoso.com'], namespace });
  return source.map(mapNamespace);
}

async function count(index: string): Promise<number> {
  await client.indices.refresh({ index });
  return (await client.count({ index })).count;
}

beforeAll(async () => {
  await installTemplates(client);
});

afterAll(async () => {
  await client.close();
});

describe('writeDocuments against Elasticsearch', () => {
  const namespace = `w${run}`;
  const dataStream = dataStreamName(undefined, namespace);
  const page = documentsFor(namespace, rows(20));

  it('writes a page, then re-writes it without a second copy or a new event.ingested', async () => {
    const firstWrite = Date.parse('2026-12-02T06:00:00.000Z');
    expect(await writeDocuments(client, dataStream, page, { now: () => firstWrite })).toEqual({
      created: 20,
      alreadyPresent: 0,
      failed: [],
    });
    const later = { now: () => firstWrite + 3_600_000 };
    expect(await writeDocuments(client, dataStream, page, later)).toEqual({
      created: 0,
      alreadyPresent: 20,
      failed: [],
    });
    expect(await count(dataStream)).toBe(20);

    const stored = await client.search({
      index: dataStream,
      query: { ids: { values: [page[1]!._id] } },
    });
    expect(stored.hits.hits[0]?._source).toEqual(withEventIngested(page[1]!.document, firstWrite));
    // Typed as mapped: ip ranges, a top-level sum, the raw date_nanos.
    const search = await client.search({
      index: dataStream,
      size: 0,
      query: { term: { 'destination.ip': '2001:db8::/32' } },
      aggs: { bytes: { sum: { field: 'email.size' } } },
    });
    expect((search.hits.total as estypes.SearchTotalHits).value).toBe(10);
    expect((search.aggregations?.bytes as estypes.AggregationsSumAggregate).value).toBe(
      page
        .filter((_, index) => index % 2 === 1)
        .reduce((sum, _, index) => sum + 1001 + 2 * index, 0)
    );
  });

  it('adds a document when the status changes', async () => {
    const pending = documentsFor(namespace, rows(2, 'Pending'));
    expect(await writeDocuments(client, dataStream, pending)).toMatchObject({ created: 2 });
    expect(await count(dataStream)).toBe(22);
  });

  it('finds documents in older backing indices after a rollover', async () => {
    const rollover = await client.indices.rollover({ alias: dataStream });
    expect(rollover.rolled_over).toBe(true);
    expect(await writeDocuments(client, dataStream, page)).toEqual({
      created: 0,
      alreadyPresent: 20,
      failed: [],
    });
    expect(await count(dataStream)).toBe(22);
  });

  it('reports a document the mapping rejects, with the reason, and writes the rest', async () => {
    const good = documentsFor(namespace, rows(3, 'Expanded'));
    const bad = {
      _id: 'bad-document',
      document: { ...good[0]!.document, email: { ...good[0]!.document.email, size: 'large' } },
    };
    const result = await writeDocuments(client, dataStream, [...good, bad], { sleep: noSleep });
    expect(result.created).toBe(3);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ _id: 'bad-document', status: 400 });
    expect(result.failed[0]?.reason).toMatch(/document_parsing_exception.*email\.size/);
  });

  it('retries items answered with 429 until they are written', async () => {
    const fresh = documentsFor(namespace, rows(6, 'Quarantined'));
    const throttled = new Set([fresh[1]!._id, fresh[4]!._id]);
    const bulkSizes: number[] = [];
    // The real client, except that the first bulk answers 429 for two documents without writing them.
    const flaky = {
      transport: client.transport,
      search: client.search.bind(client),
      bulk: async (params: estypes.BulkRequest, options?: object) => {
        const operations = params.operations ?? [];
        bulkSizes.push(operations.length / 2);
        if (bulkSizes.length > 1) return client.bulk(params, options);
        const ids = operations
          .filter((_, index) => index % 2 === 0)
          .map((op) => (op as { create: { _id: string } }).create._id);
        const passed = operations.filter((_, index) => !throttled.has(ids[Math.floor(index / 2)]!));
        const real = await client.bulk({ ...params, operations: passed }, options);
        const realItems = [...real.items];
        const items = ids.map((id) =>
          throttled.has(id)
            ? {
                create: {
                  _index: dataStream,
                  _id: id,
                  status: 429,
                  error: { type: 'es_rejected_execution_exception', reason: 'rejected' },
                },
              }
            : realItems.shift()!
        );
        return { ...real, errors: true, items };
      },
    } as unknown as WriterClient;

    const result = await writeDocuments(flaky, dataStream, fresh, { sleep: noSleep });
    expect(result).toEqual({ created: 6, alreadyPresent: 0, failed: [] });
    expect(bulkSizes).toEqual([6, 2]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(
      writeDocuments(client, dataStream, documentsFor(namespace, rows(2, 'Failed')), {
        signal: controller.signal,
      })
    ).rejects.toThrow('stopped');
    expect(await count(dataStream)).toBe(22 + 3 + 6);
  });

  it('works with client 8.x as well', async () => {
    const client8 = new Client8({ node: url });
    try {
      const namespace8 = `c8${run}`;
      const dataStream8 = dataStreamName(undefined, namespace8);
      await installTemplates(client8 as unknown as TemplateClient);
      const docs = documentsFor(namespace8, rows(5));
      const writer8 = client8 as unknown as WriterClient;
      expect(await writeDocuments(writer8, dataStream8, docs)).toMatchObject({ created: 5 });
      // The look-up sees what is refreshed (within a second); a re-read comes minutes later.
      await client8.indices.refresh({ index: dataStream8 });
      await client8.indices.rollover({ alias: dataStream8 });
      expect(await writeDocuments(writer8, dataStream8, docs)).toEqual({
        created: 0,
        alreadyPresent: 5,
        failed: [],
      });
      expect(await count(dataStream8)).toBe(5);
    } finally {
      await client8.close();
    }
  });

  it('reports a missing data stream template instead of creating a plain index', async () => {
    // Outside logs-*-*, which Elasticsearch's built-in template turns into data streams.
    const orphan = `emt_no_template_${run}`;
    const result = await writeDocuments(client, orphan, page.slice(0, 1));
    expect(result.created).toBe(0);
    expect(result.failed[0]?.status).toBeGreaterThanOrEqual(400);
    expect(await client.indices.exists({ index: orphan })).toBe(false);
  });
});
