import { Client } from '@elastic/elasticsearch';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';
import {
  bytesStream,
  FILE_FIXTURES,
  fixturePath,
  fixtureStream,
} from '../../../test/fixtures/files/fixture_files';
import { esUrl } from '../../../test/host/test_support';
import { dataStreamName } from '../data_stream/data_stream_name';
import { installTemplates } from '../data_stream/templates';
import { createMessageTraceMapper } from '../ecs/message_trace_document';
import { writeDocuments } from '../writer/bulk_writer';
import { importFile } from './import_file';
import type { FileParseOptions } from './types';

/** Each fixture into its own namespace of the real node (the test node cannot delete data streams). */
const client = new Client({ node: esUrl() });
const run = Date.now().toString(36);
const mapping = { localDomains: ['contoso.com'], tenantId: 'contoso.onmicrosoft.com' };

function target(name: string) {
  const namespace = `files_${name}_${run}`;
  return { namespace, dataStream: dataStreamName(undefined, namespace) };
}

async function ids(index: string): Promise<string[]> {
  await client.indices.refresh({ index });
  const found = await client.search({ index, size: 100, _source: false, sort: ['_doc'] });
  return found.hits.hits.map((hit) => hit._id as string).sort();
}

async function importFixture(
  name: string,
  dataStream: string,
  namespace: string,
  options: FileParseOptions = {}
) {
  return importFile(fixtureStream(name, 0), {
    client,
    dataStream,
    mapping: { ...mapping, namespace },
    ...options,
  });
}

beforeAll(async () => {
  await installTemplates(client);
});

afterAll(async () => {
  await client.close();
});

describe('importFile into Elasticsearch', () => {
  // Rows and stored rows counted by reading each fixture (test/fixtures/files/): the rejected ones
  // are the rows the fixture plants to be refused (a day-first date, no trace id, a cut row, an
  // impossible date, no recipient, an unknown event, broken JSON…); every stored row is a distinct
  // (trace id, recipient, status), so each adds one document.
  it.each([
    ['powershell51', FILE_FIXTURES.powershell51, {}, 8, 5],
    ['powershell51_de', FILE_FIXTURES.powershell51German, { dateCulture: 'de-DE' }, 5, 3],
    ['powershell7', FILE_FIXTURES.powershell7, {}, 5, 3],
    ['eac', FILE_FIXTURES.eacReport, {}, 8, 6],
    ['graph_json', FILE_FIXTURES.graphPage, {}, 6, 4],
    ['graph_ndjson', FILE_FIXTURES.graphNdjson, {}, 7, 4],
    ['legacy', FILE_FIXTURES.legacyNdjson, {}, 4, 3],
  ] as const)(
    '%s: stores the good rows, reports the bad ones, and adds nothing the second time',
    async (name, fixture, options: FileParseOptions, rows, stored) => {
      const { namespace, dataStream } = target(name);
      const first = await importFixture(fixture, dataStream, namespace, options);
      expect(first).toMatchObject({
        rows,
        documentsCreated: stored,
        alreadyPresent: 0,
        rejectedCount: rows - stored,
        dataStream,
      });
      expect(first.rejected).toHaveLength(rows - stored);
      const written = await ids(dataStream);
      expect(written).toHaveLength(stored);

      const second = await importFixture(fixture, dataStream, namespace, options);
      expect(second).toMatchObject({ rows, documentsCreated: 0, alreadyPresent: stored });
      expect(await ids(dataStream)).toEqual(written);
    }
  );

  it('adds nothing for rows the collector already wrote from Graph', async () => {
    const { namespace, dataStream } = target('collected');
    // The first row of the Graph page, as the collector writes it (its writeRows: map, then write).
    const page = JSON.parse(readFileSync(fixturePath(FILE_FIXTURES.graphPage), 'utf8')) as {
      value: GraphMessageTrace[];
    };
    const collected = createMessageTraceMapper({ ...mapping, namespace })(page.value[0]!);
    expect(await writeDocuments(client, dataStream, [collected])).toMatchObject({ created: 1 });

    // The same trace in every other format: the same observation, so the same _id. Each format's
    // stored rows, read from the fixtures, as (trace id, recipient, status), in import order:
    //  PowerShell 5.1: 6f1b…/bob/Delivered (collected above), 0a9b…/dave/Delivered,
    //    2222…/erin/FilteredAsSpam, 1111…/bob/Failed, 4444…/grace/Pending → 4 new, 1 present
    //  PowerShell 7: 6f1b…/bob, 0a9b…/dave (both above), 8888…/mallory/Delivered → 1 new, 2 present
    //  admin center report: 6f1b…/bob/delivered, 0a9b…/dave/delivered (above),
    //    6f1b…/heidi/quarantined, bbbb…/oscar/delivered, bbbb…/paul/failed,
    //    bbbb…/quinn/pending → 4 new, 2 present
    //  legacy NDJSON: 6f1b…/bob/Delivered, 1111…/bob/Failed (above),
    //    1414…/walt/GettingStatus → 1 new, 2 present
    //  German PowerShell 5.1: 6f1b…/bob/Delivered, 6f1b…/heidi/Quarantined (above),
    //    7777…/team/Expanded → 1 new, 2 present
    // A format that gave the same observation another _id would create a second copy instead.
    for (const [fixture, options, documentsCreated, alreadyPresent] of [
      [FILE_FIXTURES.powershell51, {}, 4, 1],
      [FILE_FIXTURES.powershell7, {}, 1, 2],
      [FILE_FIXTURES.eacReport, {}, 4, 2],
      [FILE_FIXTURES.legacyNdjson, {}, 1, 2],
      [FILE_FIXTURES.powershell51German, { dateCulture: 'de-DE' }, 1, 2],
    ] as const) {
      const summary = await importFixture(fixture, dataStream, namespace, options);
      expect({ fixture, ...summary }).toMatchObject({ fixture, documentsCreated, alreadyPresent });
    }
    const written = await ids(dataStream);
    expect(written).toContain(collected._id);
    expect(written).toHaveLength(1 + 4 + 1 + 4 + 1 + 1);
    const powershellOnly = await importFile(
      bytesStream(gzipSync(readFileSync(fixturePath(FILE_FIXTURES.powershell51)))),
      { client, dataStream, mapping: { ...mapping, namespace } }
    );
    // Everything in the PowerShell export is now there: from Graph, or from the imports above.
    expect(powershellOnly).toMatchObject({ documentsCreated: 0, alreadyPresent: 5 });
  });

  it('reports Elasticsearch refusing a document as a rejected row with its line', async () => {
    const { namespace, dataStream } = target('refused');
    const text = [
      '"Received","RecipientAddress","Status","MessageTraceId","Size"',
      '"2026-11-20T10:00:00Z","a@contoso.com","Delivered","aaaaaaaa-0000-4000-8000-000000000001","10"',
      // email.size is a long: Elasticsearch refuses a number beyond its range.
      '"2026-11-20T10:00:01Z","b@contoso.com","Delivered","aaaaaaaa-0000-4000-8000-000000000002","100000000000000000000"',
    ].join('\r\n');
    const summary = await importFile(bytesStream(Buffer.from(text), 1000), {
      client,
      dataStream,
      mapping: { ...mapping, namespace },
    });
    expect(summary).toMatchObject({ rows: 2, documentsCreated: 1, rejectedCount: 1 });
    expect(summary.rejected[0]).toEqual({
      line: 3,
      reason: expect.stringMatching(/^Elasticsearch refused the document: 400: /),
    });
  });
});
