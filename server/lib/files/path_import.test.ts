import {
  appendFileSync,
  mkdtempSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FileImportSummary } from '../../../common/http_api/files';
import { importFromPath, type FileCursor, type PathImportRequest } from './path_import';
import { readMessageTraceFile } from './read_message_trace_file';

const HEADER = '"Received","RecipientAddress","Status","MessageTraceId"\r\n';
const row = (n: number) =>
  `"2026-11-20T10:00:0${n}Z","user${n}@contoso.com","Delivered","00000000-0000-4000-8000-00000000000${n}"\r\n`;

/** Reads what importFromPath hands over, the way importFile would, and records rows with file lines. */
function recorder() {
  const seen: Array<{ line: number; recipient?: string; reason?: string }> = [];
  const importChunk = async (request: PathImportRequest): Promise<FileImportSummary> => {
    const file = await readMessageTraceFile(request.source, { format: request.format });
    let rows = 0;
    for await (const record of file.records) {
      rows += 1;
      seen.push(
        'trace' in record
          ? { line: request.fileLine(record.line), recipient: record.trace.recipientAddress }
          : { line: request.fileLine(record.line), reason: record.reason }
      );
    }
    return {
      format: file.format,
      rows,
      documentsCreated: rows,
      alreadyPresent: 0,
      rejectedCount: 0,
      rejected: [],
      dataStream: 'x',
    };
  };
  return { seen, importChunk, take: () => seen.splice(0) };
}

const dir = () => mkdtempSync(path.join(tmpdir(), 'emt-paths-'));
const identity = (file: string) => {
  const stat = statSync(file);
  return `${stat.dev}:${stat.ino}`;
};

describe('importFromPath', () => {
  const now = Date.now();

  it('imports a new CSV, then only the whole lines appended, with their lines in the file', async () => {
    const file = path.join(dir(), 'trace.csv');
    writeFileSync(file, `${HEADER}${row(1)}${row(2)}`);
    const { importChunk, take } = recorder();

    const first = await importFromPath(file, () => undefined, importChunk, now);
    expect(take()).toEqual([
      { line: 2, recipient: 'user1@contoso.com' },
      { line: 3, recipient: 'user2@contoso.com' },
    ]);
    expect(first.cursor).toMatchObject({ offset: statSync(file).size, lines: 3, headerLines: 1 });

    // A row being written: only the complete one is read.
    appendFileSync(file, `${row(3)}"2026-11-20T10:00:04Z","user4@con`);
    const second = await importFromPath(file, () => first.cursor, importChunk, now);
    expect(take()).toEqual([{ line: 4, recipient: 'user3@contoso.com' }]);

    appendFileSync(file, `toso.com","Delivered","00000000-0000-4000-8000-000000000004"\r\n`);
    const third = await importFromPath(file, () => second.cursor, importChunk, now);
    expect(take()).toEqual([{ line: 5, recipient: 'user4@contoso.com' }]);

    // Nothing new: nothing read.
    const fourth = await importFromPath(file, () => third.cursor, importChunk, now);
    expect(take()).toEqual([]);
    expect(fourth.cursor).toEqual(third.cursor);
  });

  it('takes a last line without a line break once the file has settled', async () => {
    const file = path.join(dir(), 'trace.ndjson');
    writeFileSync(
      file,
      '{"id":"a","receivedDateTime":"2026-11-20T10:00:00Z","recipientAddress":"x@contoso.com","status":"delivered"}'
    );
    const { importChunk, take } = recorder();
    expect((await importFromPath(file, () => undefined, importChunk, now)).cursor).toBeUndefined();
    expect(take()).toEqual([]);
    const old = new Date(now - 10 * 60_000);
    utimesSync(file, old, old);
    const settled = await importFromPath(file, () => undefined, importChunk, now);
    expect(take()).toEqual([{ line: 1, recipient: 'x@contoso.com' }]);
    expect(settled.cursor?.offset).toBe(statSync(file).size);
  });

  it('survives rotation: the renamed file keeps its place, the new one starts afresh', async () => {
    const folder = dir();
    const file = path.join(folder, 'trace.csv');
    writeFileSync(file, `${HEADER}${row(1)}`);
    const { importChunk, take } = recorder();
    const cursors = new Map<string, FileCursor | undefined>();
    const run = async (name: string) => {
      const outcome = await importFromPath(name, (key) => cursors.get(key), importChunk, now);
      expect(outcome.identity).toBe(identity(name));
      cursors.set(outcome.identity, outcome.cursor);
    };
    await run(file);
    take();
    // The exporter writes one more row, then the file is rotated and a new one begun.
    appendFileSync(file, row(2));
    renameSync(file, path.join(folder, 'trace.csv.1'));
    writeFileSync(file, `${HEADER}${row(3)}`);
    await run(path.join(folder, 'trace.csv.1'));
    await run(file);
    expect(take()).toEqual([
      { line: 3, recipient: 'user2@contoso.com' },
      { line: 2, recipient: 'user3@contoso.com' },
    ]);
  });

  it('starts over when the file was replaced or cut short', async () => {
    const file = path.join(dir(), 'trace.csv');
    writeFileSync(file, `${HEADER}${row(1)}${row(2)}`);
    const { importChunk, take } = recorder();
    const first = await importFromPath(file, () => undefined, importChunk, now);
    take();
    writeFileSync(file, `${HEADER}${row(5)}`.replace('10:00', '11:00'));
    await importFromPath(file, () => first.cursor, importChunk, now);
    expect(take()).toEqual([{ line: 2, recipient: 'user5@contoso.com' }]);
  });

  it('reads a .gz file whole once, and again only when it changes', async () => {
    const file = path.join(dir(), 'trace.csv.gz');
    writeFileSync(file, gzipSync(`${HEADER}${row(1)}${row(2)}`));
    const { importChunk, take } = recorder();
    const first = await importFromPath(file, () => undefined, importChunk, now);
    expect(take()).toHaveLength(2);
    expect(first.cursor).toMatchObject({ whole: true, format: 'powershell_csv' });
    const again = await importFromPath(file, () => first.cursor, importChunk, now);
    expect(take()).toEqual([]);
    expect(again.cursor).toEqual(first.cursor);
    writeFileSync(file, gzipSync(`${HEADER}${row(1)}${row(2)}${row(3)}`));
    await importFromPath(file, () => first.cursor, importChunk, now);
    expect(take()).toHaveLength(3);
  });

  it('remembers a file it cannot read and tries it again only once it changes', async () => {
    const file = path.join(dir(), 'notes.csv');
    writeFileSync(file, 'name,age\nx,1\n');
    const { importChunk, take } = recorder();
    const failed = await importFromPath(file, () => undefined, importChunk, now);
    expect(failed.cursor?.error).toMatch(/^Unknown file format/);
    expect((await importFromPath(file, () => failed.cursor, importChunk, now)).cursor).toBe(
      failed.cursor
    );
    writeFileSync(file, `${HEADER}${row(1)}`);
    await importFromPath(file, () => failed.cursor, importChunk, now);
    expect(take()).toEqual([{ line: 2, recipient: 'user1@contoso.com' }]);
  });
});
