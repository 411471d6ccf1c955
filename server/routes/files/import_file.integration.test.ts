import { Client } from '@elastic/elasticsearch';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CONNECTION_DEFAULTS } from '../../../common/connection';
import { FILES_IMPORT_API_PATH, type FileImportSummary } from '../../../common/http_api/files';
import { FILE_FIXTURES, fixturePath } from '../../../test/fixtures/files/fixture_files';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { esUrl, startTestHost } from '../../../test/host/test_support';
import { chunkedStream, countDocuments, uploadFile } from '../../../test/files/upload_support';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../saved_objects/connection_type';

const MAX_UPLOAD_BYTES = 4000;
const fixture = (name: string) => readFileSync(fixturePath(name));

describe(`POST ${FILES_IMPORT_API_PATH}`, () => {
  const es = new Client({ node: esUrl() });
  const run = Date.now();
  let host: KibanaHost;

  beforeAll(async () => {
    host = await startTestHost({
      plugins: [exchangeMessageTracePlugin()],
      config: { exchange_message_trace: { files: { maxUploadBytes: MAX_UPLOAD_BYTES } } },
    });
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  const upload = (
    body: Buffer | ReadableStream<Uint8Array>,
    query: Record<string, string>,
    user?: string
  ) => uploadFile(host, body, query, { user });
  const count = (namespace: string) => countDocuments(es, namespace);

  it('imports an upload with the given local domains, and adds nothing the second time', async () => {
    const namespace = `upload_${run}`;
    const query = { localDomains: 'contoso.com', namespace };
    const first = await upload(fixture(FILE_FIXTURES.powershell51), query);
    expect(first.status).toBe(200);
    expect(first.body as FileImportSummary).toEqual({
      format: 'powershell_csv',
      rows: 8,
      documentsCreated: 5,
      alreadyPresent: 0,
      rejectedCount: 3,
      rejected: [
        { line: 8, reason: expect.stringContaining('it reads as en-GB or fr-FR') },
        { line: 9, reason: 'id is missing' },
        { line: 10, reason: 'the row has 7 fields where the header has 17' },
      ],
      dataStream: `logs-microsoft_exchange_online_message_trace.log-${namespace}`,
    });
    await es.indices.refresh({ index: first.body.dataStream });
    const directions = await es.search<{ email: { direction: string } }>({
      index: first.body.dataStream,
      size: 0,
      aggs: { direction: { terms: { field: 'email.direction' } } },
    });
    expect(directions.aggregations).toMatchObject({
      direction: {
        buckets: [
          { key: 'inbound', doc_count: 3 },
          { key: 'outbound', doc_count: 2 },
        ],
      },
    });

    const second = await upload(chunkedStream(fixture(FILE_FIXTURES.powershell51)), query);
    expect(second.body).toMatchObject({ documentsCreated: 0, alreadyPresent: 5 });
    expect(await count(namespace)).toBe(5);
  });

  it('takes gzip and the format, zone and culture it is told', async () => {
    const namespace = `upload_gz_${run}`;
    const outcome = await upload(gzipSync(fixture(FILE_FIXTURES.powershell51German)), {
      format: 'powershell_csv',
      dateCulture: 'de-DE',
      timezone: 'Europe/Berlin',
      namespace,
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ rows: 5, documentsCreated: 3, rejectedCount: 2 });
    await es.indices.refresh({ index: outcome.body.dataStream });
    const first = await es.search<{ '@timestamp': string }>({
      index: outcome.body.dataStream,
      size: 1,
      sort: [{ '@timestamp': 'asc' }],
    });
    expect(first.hits.hits[0]!._source!['@timestamp']).toBe('2026-11-20T14:04:05.000Z');
  });

  it("uses a connection's local domains and namespace", async () => {
    const namespace = `upload_conn_${run}`;
    const now = new Date().toISOString();
    const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
    const connection = await repository.create(CONNECTION_SAVED_OBJECT_TYPE, {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '00000000-0000-4000-8000-000000000001',
      authMethod: 'secret',
      localDomains: ['fabrikam.com'],
      matchSubdomains: false,
      namespace,
      enabled: false,
      createdAt: now,
      updatedAt: now,
    });
    const outcome = await upload(fixture(FILE_FIXTURES.graphNdjson), {
      connectionId: connection.id,
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.dataStream).toBe(
      `logs-microsoft_exchange_online_message_trace.log-${namespace}`
    );
    await es.indices.refresh({ index: outcome.body.dataStream });
    const found = await es.search<Record<string, unknown>>({
      index: outcome.body.dataStream,
      query: { term: { 'email.local_id': '6f1b4c2a-8d3e-4f5a-9b6c-1d2e3f4a5b6c' } },
    });
    expect(found.hits.hits[0]!._source).toMatchObject({
      email: { direction: 'outbound' },
      organization: { id: 'contoso.onmicrosoft.com', name: 'Contoso' },
      exchange_message_trace: { connection_id: connection.id },
    });
    const missing = await upload(fixture(FILE_FIXTURES.graphNdjson), { connectionId: 'nope' });
    expect(missing.status).toBe(404);
  });

  it.each(['soc_analyst', 'no_access'])('refuses %s, who may not manage', async (user) => {
    const outcome = await upload(fixture(FILE_FIXTURES.graphNdjson), {}, user);
    expect(outcome.status).toBe(403);
  });

  it('answers 400 naming each bad parameter, and for a file it cannot read', async () => {
    const outcome = await upload(fixture(FILE_FIXTURES.graphNdjson), {
      format: 'xml',
      timezone: 'Mars/Olympus_Mons',
      localDomains: 'contoso.com,not a domain',
      namespace: 'Bad-Namespace',
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body.message).toContain('format: must be one of powershell_csv');
    expect(outcome.body.message).toContain('timezone: must be an IANA time zone name');
    expect(outcome.body.message).toContain('localDomains: "not a domain" is not a domain name');
    expect(outcome.body.message).toContain('namespace: must be 1 to 100 lowercase letters');

    const unreadable = await upload(Buffer.from('name,age\nx,1\n'), {});
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.message).toMatch(/^\[request body\]: Unknown file format/);
  });

  it('refuses a file larger than kibana.yml allows, declared or sent in chunks; the rows within the limit go in', async () => {
    const namespace = `upload_large_${run}`;
    const large = Buffer.concat([
      fixture(FILE_FIXTURES.graphNdjson),
      fixture(FILE_FIXTURES.graphNdjson),
      fixture(FILE_FIXTURES.graphNdjson),
    ]);
    expect(large.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    const declared = await upload(large, { namespace });
    expect(declared.status).toBe(413);
    expect(await count(namespace)).toBe(0);

    // What the limit leaves: the lines wholly within its bytes, imported as a file of their own.
    const within = large.subarray(0, large.subarray(0, MAX_UPLOAD_BYTES).lastIndexOf('\n') + 1);
    const lastRowLine =
      within
        .toString()
        .split('\n')
        .findLastIndex((line) => line.trim() !== '') + 1;
    const alone = await upload(within, { namespace: `upload_within_${run}` });
    expect(alone.status).toBe(200);
    const streamed = await upload(chunkedStream(large), { namespace });
    expect(streamed).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        message:
          `The file is larger than ${MAX_UPLOAD_BYTES} bytes, the limit set in kibana.yml (exchange_message_trace.files.maxUploadBytes). ` +
          `The ${alone.body.rows} rows before it, the last starting at line ${lastRowLine}, were read: ` +
          `${alone.body.documentsCreated} created, ${alone.body.alreadyPresent} already present, ` +
          `${alone.body.rejectedCount} rejected. Nothing after that row was written.`,
      },
    });
    expect(await count(namespace)).toBe(alone.body.documentsCreated);
  });
});
