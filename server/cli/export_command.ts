import { Client } from '@elastic/elasticsearch';
import { isLeft } from 'fp-ts/Either';
import { formatCodecErrors } from '../../common/codec_errors';
import { MAX_EXPORT_ROWS, messageExportRequestCodec } from '../../common/http_api/message_export';
import { DEFAULT_DATASET } from '../lib/data_stream/data_stream_name';
import { exportMessages } from '../lib/views/message_export';
import { viewIndex } from '../lib/views/view_scope';
import {
  assertKnownFlags,
  listFlag,
  requiredFlag,
  stringFlag,
  UsageError,
  type ParsedArgs,
} from './parse_args';

export const EXPORT_FLAGS = [
  'es-url',
  'es-api-key-env',
  'start',
  'end',
  'sender',
  'recipient',
  'subject',
  'message-id',
  'ip',
  'statuses',
  'namespaces',
  'connection-ids',
  'dataset',
  'max-rows',
];

function maxRowsOf(args: ParsedArgs): number {
  const text = stringFlag(args, 'max-rows');
  if (text === undefined) return MAX_EXPORT_ROWS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError('--max-rows must be a whole number of at least 1');
  }
  return value;
}

/**
 * `export`: the messages search as the app's "Download CSV" makes it (the same columns, each row in
 * its latest status, newest first), on stdout; how many rows matched and were written on stderr.
 * The search runs with the credentials given, so Elasticsearch applies that user's privileges.
 */
export async function exportCommand(args: ParsedArgs, signal: AbortSignal): Promise<number> {
  assertKnownFlags(args, EXPORT_FLAGS);
  const fields = {
    start: requiredFlag(args, 'start'),
    end: requiredFlag(args, 'end'),
    sender: stringFlag(args, 'sender'),
    recipient: stringFlag(args, 'recipient'),
    subject: stringFlag(args, 'subject'),
    messageId: stringFlag(args, 'message-id'),
    ip: stringFlag(args, 'ip'),
    statuses: listFlag(args, 'statuses'),
    namespaces: listFlag(args, 'namespaces'),
    connectionIds: listFlag(args, 'connection-ids'),
  };
  const given = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => (Array.isArray(value) ? value.length : value))
  );
  const decoded = messageExportRequestCodec.decode(given);
  if (isLeft(decoded)) throw new UsageError(formatCodecErrors(decoded.left).join('; '));
  const maxRows = maxRowsOf(args);
  const apiKeyEnv = stringFlag(args, 'es-api-key-env');
  const client = new Client({
    node: requiredFlag(args, 'es-url'),
    ...(apiKeyEnv ? { auth: { apiKey: process.env[apiKeyEnv] ?? '' } } : {}),
  });
  try {
    const request = decoded.right;
    const index = viewIndex(stringFlag(args, 'dataset') ?? DEFAULT_DATASET, request.namespaces);
    const exported = await exportMessages({ client, index, signal }, request, { maxRows });
    for await (const chunk of exported.lines) {
      if (!process.stdout.write(chunk)) {
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
    }
    process.stderr.write(
      `[export] ${exported.written()} of ${exported.total} rows written (at most ${maxRows})\n`
    );
    return 0;
  } finally {
    await client.close();
  }
}
