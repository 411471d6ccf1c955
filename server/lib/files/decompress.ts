import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FileFormatError } from './types';
import { limitBytes } from './upload_limits';

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  return Buffer.from(String(chunk), 'utf8');
}

/**
 * The bytes of a file, gunzipped on the fly when they start with gzip's magic number: a `.gz`
 * export needs neither its name nor a temporary copy. Gunzipping more than `maxGunzippedBytes`
 * throws an UploadLimitError, and stops there: a few kilobytes of gzip can hold gigabytes.
 */
export async function* gunzipIfCompressed(
  source: AsyncIterable<unknown>,
  maxGunzippedBytes = Infinity
): AsyncGenerator<Buffer, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  try {
    while (head.length < 2) {
      const next = await iterator.next();
      if (next.done) break;
      head = Buffer.concat([head, asBuffer(next.value)]);
    }
    const all = async function* () {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield asBuffer(next.value);
      }
    };
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield* all();
      return;
    }
    const input = Readable.from(all());
    const gunzip = createGunzip();
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    try {
      yield* limitBytes(gunzip, maxGunzippedBytes, 'decompressedBytes');
    } catch (error) {
      // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR) are about the file, not the server.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw new FileFormatError(
          `The gzip data is damaged or cut short: ${(error as Error).message}`
        );
      }
      throw error;
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } finally {
    await iterator.return?.();
  }
}
