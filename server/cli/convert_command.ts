import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { MAX_REJECTED_SAMPLES, type RejectedRow } from '../../common/http_api/files';
import { withEventIngested } from '../lib/ecs/event_ingested';
import { createMessageTraceMapper } from '../lib/ecs/message_trace_document';
import { readMessageTraceFile } from '../lib/files/read_message_trace_file';
import { fileArguments, fileMappingOptions, fileParseOptions, FILE_FLAGS } from './file_options';
import { assertKnownFlags, UsageError, type ParsedArgs } from './parse_args';

export const CONVERT_FLAGS = [...FILE_FLAGS, 'bulk'];

/** Lines are written in batches; a full pipe pauses the reading (a 1 GB export never piles up). */
const BATCH_LINES = 1000;

async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/**
 * `convert FILE`: the ECS documents the collector would write (`event.ingested` the time of
 * conversion), one per line on stdout; with
 * --bulk as `_bulk` create pairs carrying each `_id`, so loading them elsewhere stays exact-once.
 * A summary (and the rejected rows) go to stderr.
 */
export async function convertCommand(args: ParsedArgs): Promise<number> {
  assertKnownFlags(args, CONVERT_FLAGS);
  const files = fileArguments(args);
  if (files.length > 1) throw new UsageError('convert reads one FILE; import takes several');
  const file = files[0]!;
  const map = createMessageTraceMapper(fileMappingOptions(args));
  const bulk = args.flags.get('bulk') === true;
  const source = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const { format, records } = await readMessageTraceFile(source, fileParseOptions(args));
  const rejected: RejectedRow[] = [];
  let rows = 0;
  let documents = 0;
  let rejectedCount = 0;
  let batch: string[] = [];
  for await (const record of records) {
    rows += 1;
    let line: string;
    try {
      if ('reason' in record) throw new Error(record.reason);
      const { _id, document: mapped } = map(record.trace);
      // The nearest this command knows to the write; docs/FIELDS.md asks to load the output soon.
      const document = withEventIngested(mapped, Date.now());
      line = bulk
        ? `${JSON.stringify({ create: { _id } })}\n${JSON.stringify(document)}\n`
        : `${JSON.stringify(document)}\n`;
    } catch (error) {
      rejectedCount += 1;
      if (rejected.length < MAX_REJECTED_SAMPLES) {
        rejected.push({ line: record.line, reason: (error as Error).message });
      }
      continue;
    }
    documents += 1;
    batch.push(line);
    if (batch.length >= BATCH_LINES) {
      await writeOut(batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) await writeOut(batch.join(''));
  process.stderr.write(
    `${JSON.stringify({ file, format, rows, documents, rejectedCount, rejected })}\n`
  );
  return 0;
}
