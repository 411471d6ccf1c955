import type { Client } from '@elastic/elasticsearch';
import { Readable } from 'node:stream';
import { createGunzip, gzipSync, type Gunzip } from 'node:zlib';
import { FILES_IMPORT_API_PATH } from '../../common/http_api/files';
import type { KibanaHost } from '../host/kibana_host';
import { basicAuth } from '../host/test_support';

/** Uploads as the browser would: the file as the body, options in the query. */
export async function uploadFile(
  host: KibanaHost,
  body: Buffer | ReadableStream<Uint8Array>,
  query: Record<string, string>,
  { user = 'mail_admin', signal }: { user?: string; signal?: AbortSignal } = {}
) {
  const response = await fetch(
    `${host.url}${FILES_IMPORT_API_PATH}?${new URLSearchParams(query)}`,
    {
      method: 'POST',
      headers: {
        'kbn-xsrf': 'true',
        'x-elastic-internal-origin': 'Kibana',
        'content-type': 'application/octet-stream',
        authorization: basicAuth(user),
      },
      body,
      signal,
      // A stream goes out in chunks, without a content-length.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export function chunkedStream(bytes: Buffer, chunkBytes = 500): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkBytes)));
      offset += chunkBytes;
    },
  });
}

export const messageTraceIndex = (namespace: string) =>
  `logs-microsoft_exchange_online_message_trace.log-${namespace}`;

export async function countDocuments(es: Client, namespace: string): Promise<number> {
  const index = messageTraceIndex(namespace);
  await es.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  return (await es.count({ index, ignore_unavailable: true, allow_no_indices: true })).count;
}

export const POWERSHELL7_HEADER =
  '"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId"\r\n';

/** The trace id of generated row `index`: its document's `email.local_id`. */
export const generatedTraceId = (index: number) =>
  `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** A valid `Get-MessageTraceV2 | Export-Csv` row (PowerShell 7), one document of its own. */
export const powerShell7Row = (index: number, subject = 'Invoice 4711, due Friday') =>
  `"2026-11-20T15:04:05.0000000Z","alerts@fabrikam.com","bob@contoso.com","${subject}","Delivered","","203.0.113.25","48213","<invoice4711@fabrikam.com>","${generatedTraceId(index)}"\r\n`;

/**
 * A gzip bomb of about `compressedBytes`: the header, then one valid row (of about 1 KB) repeated,
 * in gzip members of 8 MB each (a gunzip reads members one after the other, as one file). Each
 * member shrinks about 250 times.
 */
export function gzipBomb(compressedBytes: number) {
  const row = powerShell7Row(0, 'Quarterly figures, '.repeat(50));
  const block = Buffer.from(row.repeat(Math.floor((8 * 1024 * 1024) / row.length)));
  const member = gzipSync(block, { level: 9 });
  const copies = Math.ceil(compressedBytes / member.length);
  return {
    row,
    bytes: Buffer.concat([gzipSync(POWERSHELL7_HEADER), ...Array<Buffer>(copies).fill(member)]),
    decompressedBytes: POWERSHELL7_HEADER.length + copies * block.length,
  };
}

/**
 * Counts what every gunzip made from now on reads and writes, without changing what it does:
 * zlib's own count of the compressed bytes written to it, and the bytes it pushes out (each one's
 * `push`, shared by all through their prototype, as zlib's exports cannot be replaced).
 */
export function watchGunzips() {
  const probe = createGunzip();
  const gunzipPrototype = Object.getPrototypeOf(probe) as Gunzip;
  probe.destroy();
  const gunzipped = new Map<Gunzip, number>();
  const push = jest.spyOn(gunzipPrototype, 'push').mockImplementation(function (
    this: Gunzip,
    chunk: Buffer | null,
    encoding?: BufferEncoding
  ) {
    gunzipped.set(this, (gunzipped.get(this) ?? 0) + (chunk?.length ?? 0));
    return Readable.prototype.push.call(this, chunk, encoding);
  });
  return {
    totals: () => ({
      gunzips: gunzipped.size,
      compressedRead: [...gunzipped.keys()].reduce((sum, stream) => sum + stream.bytesWritten, 0),
      gunzipped: [...gunzipped.values()].reduce((sum, bytes) => sum + bytes, 0),
    }),
    restore: () => push.mockRestore(),
  };
}
