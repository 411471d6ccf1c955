import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { FileFormat, FileImportSummary } from '../../../common/http_api/files';
import { detectFormat } from './detect_format';
import { FileFormatError } from './types';

/**
 * How far a configured file has been imported. Kept per file identity (device + inode), so a
 * file renamed by rotation keeps its place and the new file under the old name starts afresh.
 */
export interface FileCursor {
  /** Where the file was last seen; for messages only. */
  path: string;
  /** Bytes imported: the end of the last whole line (or the whole file). */
  offset: number;
  /** Lines in those bytes, so rows read later get their line in the file. */
  lines: number;
  /** A CSV's header (and `#TYPE` line), read again before the rows after `offset`. */
  headerBytes: number;
  headerLines: number;
  /** sha256 of the first `fingerprintBytes` bytes: a different file on a reused inode differs. */
  fingerprint: string;
  fingerprintBytes: number;
  size: number;
  mtimeMs: number;
  /** gzip, UTF-16 and JSON documents cannot be resumed mid-way: they are read whole when changed. */
  whole: boolean;
  format?: FileFormat;
  /** The file could not be read (unknown format…); retried when it changes. */
  error?: string;
}

export interface PathImportRequest {
  source: AsyncIterable<Buffer>;
  format?: FileFormat;
  fileLine: (line: number) => number;
}

export type ImportChunk = (request: PathImportRequest) => Promise<FileImportSummary>;

export interface PathImportOutcome {
  /** `device:inode` of the file that was read: the key its cursor is kept under. */
  identity: string;
  /** Undefined when nothing of the file has been imported yet. */
  cursor?: FileCursor;
  summary?: FileImportSummary;
  /** More is there than one read takes: the caller comes back soon. */
  more: boolean;
}

const HEAD_BYTES = 64 * 1024;
const FINGERPRINT_BYTES = 1024;
/** One read of a growing file imports at most this much, so a run ends and saves its place. */
export const MAX_BYTES_PER_READ = 256 * 1024 * 1024;
/** A last line without a line break is taken once the file has not changed for this long. */
export const SETTLE_MS = 2 * 60_000;

const fingerprint = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function readsWhole(head: Buffer, complete: boolean): boolean {
  if (head[0] === 0x1f && head[1] === 0x8b) return true;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  if (head.length >= 4 && head[1] === 0 && head[3] === 0) return true;
  try {
    return detectFormat(head.toString('utf8').replace(/^\uFEFF/, ''), complete) === 'graph_json';
  } catch {
    return false; // Unknown: the import reports why.
  }
}

/** Bytes of a CSV's header lines (an optional `#TYPE` line, then the column names); none for NDJSON. */
function csvHeader(head: Buffer): { bytes: number; lines: number } {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head[bom] === 0x7b || head[bom] === 0x5b) return { bytes: 0, lines: 0 };
  const first = head.indexOf(0x0a);
  if (first < 0) return { bytes: 0, lines: 0 };
  if (!head.subarray(bom, bom + 6).equals(Buffer.from('#TYPE ')))
    return { bytes: first + 1, lines: 1 };
  const second = head.indexOf(0x0a, first + 1);
  return second < 0 ? { bytes: 0, lines: 0 } : { bytes: second + 1, lines: 2 };
}

/** The position after the last line break in [start, limit), or `start` when there is none. */
async function lastLineEnd(handle: FileHandle, start: number, limit: number): Promise<number> {
  for (let end = limit; end > start; end -= HEAD_BYTES) {
    const from = Math.max(start, end - HEAD_BYTES);
    const newline = (await readAt(handle, from, end - from)).lastIndexOf(0x0a);
    if (newline >= 0) return from + newline + 1;
  }
  return start;
}

async function* counted(
  source: AsyncIterable<Buffer>,
  count: { lines: number }
): AsyncGenerator<Buffer, void, undefined> {
  for await (const chunk of source) {
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) count.lines += 1;
    yield chunk;
  }
}

async function* concatenated(...sources: Array<AsyncIterable<Buffer>>) {
  for (const source of sources) yield* source;
}

/**
 * Imports what is new in one configured file since `previous`: the lines appended to a growing
 * CSV or NDJSON file (a CSV's header is read again first), or the whole file when it is
 * compressed, UTF-16 or a JSON document and has changed. Everything is read through one open
 * handle, so a rotation meanwhile cannot mix two files. Rows imported twice are harmless (same
 * `_id`s), so a failed import simply keeps the old cursor.
 */
export async function importFromPath(
  file: string,
  cursorOf: (identity: string) => FileCursor | undefined,
  importChunk: ImportChunk,
  now: number
): Promise<PathImportOutcome> {
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    const key = `${stat.dev}:${stat.ino}`;
    const previous = cursorOf(key);
    const head = await readAt(handle, 0, Math.min(stat.size, HEAD_BYTES));
    const unchanged = previous?.size === stat.size && previous.mtimeMs === stat.mtimeMs;
    if (previous?.error && unchanged) return { identity: key, cursor: previous, more: false };
    const sameFile =
      previous !== undefined &&
      previous.error === undefined &&
      previous.fingerprintBytes <= head.length &&
      fingerprint(head.subarray(0, previous.fingerprintBytes)) === previous.fingerprint;
    const base = sameFile ? previous : undefined;
    const identity = (offset: number) => {
      const fingerprintBytes = Math.min(offset, FINGERPRINT_BYTES, head.length);
      return {
        path: file,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        fingerprintBytes,
        fingerprint: fingerprint(head.subarray(0, fingerprintBytes)),
      };
    };
    const failed = (error: FileFormatError): PathImportOutcome => ({
      identity: key,
      cursor: {
        ...identity(0),
        offset: 0,
        lines: 0,
        headerBytes: 0,
        headerLines: 0,
        whole: false,
        error: error.message,
      },
      more: false,
    });

    if (readsWhole(head, stat.size <= head.length)) {
      if (base?.whole && unchanged) return { identity: key, cursor: base, more: false };
      try {
        const summary = await importChunk({
          source: handle.createReadStream({ start: 0, autoClose: false }),
          fileLine: (line) => line,
        });
        const cursor: FileCursor = {
          ...identity(stat.size),
          offset: stat.size,
          lines: 0,
          headerBytes: 0,
          headerLines: 0,
          whole: true,
          format: summary.format,
        };
        return { identity: key, cursor, summary, more: false };
      } catch (error) {
        if (error instanceof FileFormatError) return failed(error);
        throw error;
      }
    }

    const resume = base && !base.whole && base.offset <= stat.size ? base : undefined;
    const start = resume?.offset ?? 0;
    const limit = Math.min(stat.size, start + MAX_BYTES_PER_READ);
    let end = await lastLineEnd(handle, start, limit);
    const settled = now - stat.mtimeMs >= SETTLE_MS;
    if (end === start && limit === stat.size && settled) end = stat.size;
    if (end === start) return { identity: key, cursor: resume, more: false };

    const header = resume
      ? { bytes: resume.headerBytes, lines: resume.headerLines }
      : csvHeader(head);
    const count = { lines: 0 };
    const body = counted(handle.createReadStream({ start, end: end - 1, autoClose: false }), count);
    const priorLines = resume?.lines ?? 0;
    try {
      const summary = await importChunk({
        source:
          resume && header.bytes > 0
            ? concatenated(
                handle.createReadStream({ start: 0, end: header.bytes - 1, autoClose: false }),
                body
              )
            : body,
        format: resume?.format,
        fileLine: resume
          ? (line) => (line <= header.lines ? line : line - header.lines + priorLines)
          : (line) => line,
      });
      const cursor: FileCursor = {
        ...identity(end),
        offset: end,
        lines: priorLines + count.lines,
        headerBytes: header.bytes,
        headerLines: header.lines,
        whole: false,
        format: summary.format,
      };
      return { identity: key, cursor, summary, more: limit < stat.size };
    } catch (error) {
      if (error instanceof FileFormatError) return failed(error);
      throw error;
    }
  } finally {
    await handle.close();
  }
}
