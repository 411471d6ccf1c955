import { Client } from '@elastic/elasticsearch';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withEventIngested } from '../../server/lib/ecs/event_ingested';
import { createMessageTraceMapper } from '../../server/lib/ecs/message_trace_document';
import { readMessageTraceFile } from '../../server/lib/files/read_message_trace_file';
import { runCli } from '../collector/cli_process';
import { FILE_FIXTURES, fixturePath, fixtureStream } from '../fixtures/files/fixture_files';
import { esUrl } from '../host/test_support';

const es = new Client({ node: esUrl() });

afterAll(async () => {
  await es.close();
});

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('exchange-message-trace convert', () => {
  it('writes the documents the collector would, one per line, and the rejected rows to stderr', async () => {
    const outcome = await runCli([
      'convert',
      fixturePath(FILE_FIXTURES.powershell51),
      '--local-domains',
      'contoso.com',
      '--tenant-id',
      'contoso.onmicrosoft.com',
    ]);
    expect(outcome.code).toBe(0);
    const documents = lines(outcome.stdout).map((line) => JSON.parse(line));
    expect(documents).toHaveLength(5);
    expect(documents[0]).toMatchObject({
      '@timestamp': '2026-11-20T15:04:05.000Z',
      email: { direction: 'inbound', subject: 'Invoice 4711, due Friday' },
      organization: { id: 'contoso.onmicrosoft.com' },
    });
    const summary = JSON.parse(lines(outcome.stderr).at(-1)!);
    expect(summary).toMatchObject({
      format: 'powershell_csv',
      rows: 8,
      documents: 5,
      rejectedCount: 3,
    });
    expect(summary.rejected.map((row: { line: number }) => row.line)).toEqual([8, 9, 10]);
  });

  it('with --bulk, pairs each document with the _id the collector gives it, stamped event.ingested', async () => {
    const before = Date.now();
    const outcome = await runCli([
      'convert',
      fixturePath(FILE_FIXTURES.powershell51German),
      '--date-culture',
      'de-DE',
      '--timezone',
      'Europe/Berlin',
      '--bulk',
    ]);
    expect(outcome.code).toBe(0);
    const after = Date.now();
    const output = lines(outcome.stdout).map((line) => JSON.parse(line));
    const file = await readMessageTraceFile(fixtureStream(FILE_FIXTURES.powershell51German), {
      dateCulture: 'de-DE',
      timeZone: 'Europe/Berlin',
    });
    const map = createMessageTraceMapper();
    const expected: unknown[] = [];
    for await (const record of file.records) {
      if ('trace' in record) {
        const { _id, document } = map(record.trace);
        expected.push({ create: { _id } }, withEventIngested(document, 0));
      }
    }
    const documents = output.filter((_, index) => index % 2 === 1);
    for (const document of documents) {
      const ingested = Date.parse(document.event.ingested);
      expect(ingested).toBeGreaterThanOrEqual(before);
      expect(ingested).toBeLessThanOrEqual(after);
      document.event.ingested = new Date(0).toISOString();
    }
    expect(output).toEqual(expected);
    expect(output[1]['@timestamp']).toBe('2026-11-20T14:04:05.000Z');
  });

  it('refuses unknown options and values with the usage', async () => {
    const outcome = await runCli(['convert', 'x.csv', '--timezone', 'Mars/Olympus']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--timezone "Mars/Olympus" is not an IANA time zone');
    expect(outcome.stderr).toContain('Usage:');
  });
});

describe('exchange-message-trace import', () => {
  it('imports several files, gzip included, prints one summary line, and adds nothing the second time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emt-import-'));
    const gzipped = path.join(dir, 'graph_rows.ndjson.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(fixturePath(FILE_FIXTURES.graphNdjson))));
    const namespace = `cli_import_${Date.now()}`;
    const args = [
      'import',
      fixturePath(FILE_FIXTURES.powershell7),
      fixturePath(FILE_FIXTURES.eacReport),
      gzipped,
      '--es-url',
      esUrl(),
      '--namespace',
      namespace,
      '--local-domains',
      'contoso.com',
    ];
    const before = Date.now();
    const first = await runCli(args);
    const after = Date.now();
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toHaveLength(1);
    // The first trace is in all three files, the second in the first two: added once.
    expect(first.summary).toMatchObject({
      dataStream: `logs-microsoft_exchange_online_message_trace.log-${namespace}`,
      rows: 5 + 8 + 7,
      documentsCreated: 3 + 4 + 3,
      alreadyPresent: 3,
      rejectedCount: 2 + 2 + 3,
      files: [
        { format: 'powershell_csv', rows: 5, documentsCreated: 3 },
        { format: 'eac_report_csv', rows: 8, documentsCreated: 4, alreadyPresent: 2 },
        { format: 'graph_ndjson', rows: 7, documentsCreated: 3, alreadyPresent: 1 },
      ],
    });
    expect(first.summary!.rejected).toHaveLength(7);
    expect((first.summary!.rejected as Array<{ file: string }>)[0]!.file).toBe(
      fixturePath(FILE_FIXTURES.powershell7)
    );
    const index = first.summary!.dataStream as string;
    await es.indices.refresh({ index });
    expect((await es.count({ index })).count).toBe(10);
    const ingestedDuringTheRun = {
      range: { 'event.ingested': { gte: before, lte: after, format: 'epoch_millis' } },
    };
    expect((await es.count({ index, query: ingestedDuringTheRun })).count).toBe(10);

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.summary).toMatchObject({ documentsCreated: 0, alreadyPresent: 13 });
    await es.indices.refresh({ index });
    expect((await es.count({ index })).count).toBe(10);
    // Importing again rewrote nothing: every document keeps the first run's event.ingested.
    expect((await es.count({ index, query: ingestedDuringTheRun })).count).toBe(10);
  });

  it('reports a file it cannot read and goes on with the others', async () => {
    const namespace = `cli_missing_${Date.now()}`;
    const outcome = await runCli([
      'import',
      '/nonexistent/trace.csv',
      fixturePath(FILE_FIXTURES.legacyNdjson),
      '--es-url',
      esUrl(),
      '--namespace',
      namespace,
    ]);
    expect(outcome.code).toBe(1);
    expect(outcome.summary).toMatchObject({
      documentsCreated: 3,
      files: [
        { file: '/nonexistent/trace.csv', error: expect.stringContaining('ENOENT') },
        { format: 'legacy_ndjson', documentsCreated: 3 },
      ],
    });
  });
});
