import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import {
  bytesStream,
  FILE_FIXTURES,
  fixturePath,
  fixtureStream,
} from '../../../test/fixtures/files/fixture_files';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';
import { createMessageTraceMapper } from '../ecs/message_trace_document';
import { readMessageTraceFile } from './read_message_trace_file';
import { FileFormatError, type FileParseOptions, type FileRecord } from './types';
import { UploadLimitError } from './upload_limits';

async function readAll(
  source: AsyncIterable<unknown>,
  options: Parameters<typeof readMessageTraceFile>[1] = {}
) {
  const file = await readMessageTraceFile(source, options);
  const records: FileRecord[] = [];
  for await (const record of file.records) records.push(record);
  const traces = records.flatMap((record) => ('trace' in record ? [record] : []));
  const rejected = records.flatMap((record) => ('reason' in record ? [record] : []));
  return { format: file.format, records, traces, rejected };
}

const readFixture = (name: string, options: FileParseOptions = {}, chunkBytes = 7) =>
  readAll(fixtureStream(name, chunkBytes), options);

const T1 = {
  id: '6f1b4c2a-8d3e-4f5a-9b6c-1d2e3f4a5b6c',
  messageId: '<CH2PR01MB4711A1B2C3D4E5F6@CH2PR01MB4711.namprd01.prod.outlook.com>',
  senderAddress: 'alerts@fabrikam.com',
  recipientAddress: 'bob@contoso.com',
  subject: 'Invoice 4711, due Friday',
  size: 48213,
  fromIP: '203.0.113.25',
};

describe('readMessageTraceFile', () => {
  describe.each([1, 7, 0])('in chunks of %i bytes (0: as read from disk)', (chunkBytes) => {
    it('reads a Windows PowerShell 5.1 Export-Csv (#TYPE, BOM, CRLF, en-US dates)', async () => {
      const result = await readFixture(FILE_FIXTURES.powershell51, {}, chunkBytes);
      expect(result.format).toBe('powershell_csv');
      expect(result.traces.map(({ line }) => line)).toEqual([3, 4, 6, 7, 11]);
      expect(result.traces[0]!.trace).toEqual({
        ...T1,
        receivedDateTime: '2026-11-20T15:04:05Z',
        status: 'Delivered',
        toIP: null,
      });
      expect(result.traces[1]!.trace.subject).toBe('Re: "Q4" plan\r\nsecond line of the subject');
      expect(result.traces[3]!.trace).toMatchObject({
        senderAddress: '<>',
        fromIP: null,
        receivedDateTime: '2026-11-20T00:00:01Z',
      });
      expect(result.rejected).toEqual([
        {
          line: 8,
          reason: expect.stringMatching(
            /^receivedDateTime "20\/11\/2026 15:04:05" is not a en-US date .* it reads as en-GB or fr-FR/
          ),
        },
        { line: 9, reason: 'id is missing' },
        { line: 10, reason: 'the row has 7 fields where the header has 17' },
      ]);
    });

    it('reads a UTF-16 Export-Csv -UseCulture from a German machine with its culture', async () => {
      const result = await readFixture(
        FILE_FIXTURES.powershell51German,
        { dateCulture: 'de-DE' },
        chunkBytes
      );
      expect(result.format).toBe('powershell_csv');
      expect(result.traces.map(({ trace }) => [trace.recipientAddress, trace.status])).toEqual([
        ['bob@contoso.com', 'Delivered'],
        ['heidi@contoso.com', 'Quarantined'],
        ['team@contoso.com', 'Expanded'],
      ]);
      expect(result.traces[0]!.trace).toMatchObject({ receivedDateTime: '2026-11-20T15:04:05Z' });
      expect(result.traces[2]!.trace.subject).toBe('Teamrunde; Raum 3.14');
      expect(result.rejected).toEqual([
        {
          line: 4,
          reason: expect.stringMatching(/"31.02.2026 10:00:00" is not a valid de-DE date/),
        },
        { line: 5, reason: 'Size "viel" is not a whole number of bytes' },
      ]);
    });

    it('reads a PowerShell 7 export with ISO dates', async () => {
      const result = await readFixture(FILE_FIXTURES.powershell7, {}, chunkBytes);
      expect(result.format).toBe('powershell_csv');
      expect(result.traces.map(({ line, trace }) => [line, trace.receivedDateTime])).toEqual([
        [2, '2026-11-20T15:04:05.0000000Z'],
        [3, '2026-11-20T15:10:42.5310000Z'],
        [5, '2026-11-20T16:45:00'],
      ]);
      expect(result.rejected).toEqual([
        { line: 6, reason: expect.stringMatching(/is not a valid date/) },
        { line: 7, reason: 'recipientAddress is missing' },
      ]);
    });

    it('reads the admin center report, one row per recipient with its last event as status', async () => {
      const result = await readFixture(FILE_FIXTURES.eacReport, {}, chunkBytes);
      expect(result.format).toBe('eac_report_csv');
      expect(
        result.traces.map(({ line, trace }) => [line, trace.recipientAddress, trace.status])
      ).toEqual([
        [2, 'bob@contoso.com', 'delivered'],
        [2, 'heidi@contoso.com', 'quarantined'],
        [3, 'dave@northwind.example', 'delivered'],
        [5, 'oscar@contoso.com', 'delivered'],
        [5, 'paul@fabrikam.com', 'failed'],
        [5, 'quinn@contoso.com', 'pending'],
      ]);
      expect(result.traces[0]!.trace).toEqual({
        ...T1,
        receivedDateTime: '2026-11-20T15:04:05.0000000Z',
        status: 'delivered',
        toIP: null,
      });
      expect(result.rejected).toEqual([
        {
          line: 6,
          reason:
            'recipient_status event "Teleport" of rita@contoso.com is not one this import knows',
        },
        { line: 7, reason: 'recipient_status names no recipient' },
      ]);
    });

    it('reads a pretty-printed Graph page', async () => {
      const result = await readFixture(FILE_FIXTURES.graphPage, {}, chunkBytes);
      expect(result.format).toBe('graph_json');
      expect(result.traces.map(({ line, trace }) => [line, trace.status])).toEqual([
        [5, 'delivered'],
        [17, 'delivered'],
        [29, 'filteredAsSpam'],
        [64, 'recalled'],
      ]);
      expect(result.traces[0]!.trace).toEqual({
        ...T1,
        receivedDateTime: '2026-11-20T15:04:05Z',
        status: 'delivered',
        toIP: null,
      });
      expect(result.rejected).toEqual([
        { line: 41, reason: 'value[3]: id is missing' },
        { line: 52, reason: expect.stringMatching(/^value\[4\]: receivedDateTime "yesterday"/) },
      ]);
    });

    it('reads Graph NDJSON, pages on a line included', async () => {
      const result = await readFixture(FILE_FIXTURES.graphNdjson, {}, chunkBytes);
      expect(result.format).toBe('graph_ndjson');
      expect(result.traces.map(({ line, trace }) => [line, trace.status])).toEqual([
        [1, 'delivered'],
        [2, 'pending'],
        [4, 'delivered'],
        [6, 'delivered'],
      ]);
      expect(result.rejected).toEqual([
        { line: 5, reason: expect.stringMatching(/^not valid JSON/) },
        { line: 6, reason: 'value[1]: Size "big" is not a whole number of bytes' },
        { line: 7, reason: 'the line is not a JSON object' },
      ]);
    });

    it('reads the legacy PascalCase NDJSON and drops the empty OData page', async () => {
      const result = await readFixture(FILE_FIXTURES.legacyNdjson, {}, chunkBytes);
      expect(result.format).toBe('legacy_ndjson');
      expect(result.traces.map(({ trace }) => trace.receivedDateTime)).toEqual([
        '2026-11-20T15:04:05.2652371',
        '2026-11-20T00:00:01.0000000',
        '2026-11-20T23:58:00.1234567',
      ]);
      expect(result.traces[0]!.trace).toEqual({
        ...T1,
        receivedDateTime: '2026-11-20T15:04:05.2652371',
        status: 'Delivered',
        toIP: null,
      });
      expect(result.rejected).toEqual([{ line: 4, reason: 'status is missing' }]);
    });
  });

  it('reads zone-less times in the given time zone', async () => {
    const result = await readFixture(FILE_FIXTURES.legacyNdjson, { timeZone: 'Europe/Berlin' });
    expect(result.traces[0]!.trace.receivedDateTime).toBe('2026-11-20T14:04:05.2652371Z');
  });

  it('decompresses gzip on the fly, whatever the name', async () => {
    const gzipped = gzipSync(readFileSync(fixturePath(FILE_FIXTURES.powershell51)));
    const result = await readAll(bytesStream(gzipped, 5));
    expect(result.format).toBe('powershell_csv');
    expect(result.traces).toHaveLength(5);
    expect(result.rejected).toHaveLength(3);
  });

  it('gunzips no more than maxGunzippedBytes: the rows wholly before the limit, then its error', async () => {
    const text = readFileSync(fixturePath(FILE_FIXTURES.powershell51));
    const whole = await readAll(bytesStream(text));
    // A few bytes into the line on which the fifth record starts.
    const lastLine = whole.records[4]!.line - 1;
    let limit = 0;
    for (let line = 0; line < lastLine; line += 1) limit = text.indexOf('\n', limit) + 1;
    limit += 5;

    const file = await readMessageTraceFile(bytesStream(gzipSync(text), 5), {
      maxGunzippedBytes: limit,
    });
    const records: FileRecord[] = [];
    const failure = await (async () => {
      for await (const record of file.records) records.push(record);
    })().catch((error: unknown) => error);
    expect(records).toEqual(whole.records.slice(0, 4));
    expect(failure).toEqual(new UploadLimitError('decompressedBytes', limit));

    // Bytes that were never compressed are the body's to count.
    const plain = await readAll(bytesStream(text), { maxGunzippedBytes: limit });
    expect(plain.records).toEqual(whole.records);
  });

  it('refuses damaged gzip data as a file error', async () => {
    const gzipped = gzipSync(readFileSync(fixturePath(FILE_FIXTURES.legacyNdjson)));
    await expect(readAll(bytesStream(gzipped.subarray(0, gzipped.length - 40)))).rejects.toThrow(
      expect.objectContaining({
        name: 'Error',
        message: expect.stringMatching(/^The gzip data is damaged or cut short/),
      })
    );
    await expect(
      readAll(bytesStream(Buffer.concat([gzipped.subarray(0, 10), Buffer.alloc(50, 7)])))
    ).rejects.toBeInstanceOf(FileFormatError);
  });

  it('uses the format it is given', async () => {
    const result = await readFixture(FILE_FIXTURES.graphNdjson, { format: 'legacy_ndjson' });
    expect(result.format).toBe('legacy_ndjson');
    expect(result.traces).toHaveLength(4);
    await expect(
      readFixture(FILE_FIXTURES.graphNdjson, { format: 'powershell_csv' })
    ).rejects.toThrow(
      'Not a Get-MessageTrace export: no MessageTraceId, Received, RecipientAddress, Status column'
    );
  });

  it('refuses a file it cannot read with a reason', async () => {
    await expect(readAll(bytesStream(Buffer.from('a,b,c\n1,2,3\n')))).rejects.toThrow(
      /^Unknown file format: expected a Get-MessageTrace CSV export/
    );
    await expect(readAll(bytesStream(Buffer.from('')))).rejects.toThrow(FileFormatError);
  });

  it('reports a truncated JSON document after the rows before it', async () => {
    const text = readFileSync(fixturePath(FILE_FIXTURES.graphPage), 'utf8');
    const file = await readMessageTraceFile(bytesStream(Buffer.from(text.slice(0, 1500))));
    const seen: FileRecord[] = [];
    await expect(
      (async () => {
        for await (const record of file.records) seen.push(record);
      })()
    ).rejects.toThrow(
      expect.objectContaining({
        message: 'The JSON document ends before it is complete: the file is truncated',
        line: 29,
      })
    );
    expect(seen.filter((record) => 'trace' in record)).toHaveLength(2);
  });
});

describe('documents of imported rows', () => {
  it("are the collector's: one Graph row mapped both ways gets the same _id and fields", async () => {
    const map = createMessageTraceMapper({ localDomains: ['contoso.com'] });
    const page = JSON.parse(readFileSync(fixturePath(FILE_FIXTURES.graphPage), 'utf8')) as {
      value: GraphMessageTrace[];
    };
    const collected = map(page.value[0]!);
    const comparable = ({ _id, document }: ReturnType<typeof map>) => ({
      _id,
      timestamp: document['@timestamp'],
      event: { action: document.event.action, outcome: document.event.outcome },
      email: document.email,
      source: document.source,
      destination: document.destination,
      related: document.related,
      user: document.user,
    });
    for (const [fixture, options] of [
      [FILE_FIXTURES.powershell51, {}],
      [FILE_FIXTURES.powershell7, {}],
      [FILE_FIXTURES.eacReport, {}],
      [FILE_FIXTURES.powershell51German, { dateCulture: 'de-DE' }],
    ] as const) {
      const { traces } = await readFixture(fixture, options);
      expect(comparable(map(traces[0]!.trace))).toEqual(comparable(collected));
    }
    // The legacy service's 100 ns precision moves @timestamp by 265 ms; the _id does not depend on it.
    const legacy = await readFixture(FILE_FIXTURES.legacyNdjson);
    expect(map(legacy.traces[0]!.trace)._id).toBe(collected._id);
  });
});
