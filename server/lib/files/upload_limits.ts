export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes, the limit set in kibana.yml`);
  }
}

/**
 * Passes bytes through until more than `maxBytes` have come. Kibana refuses a body whose
 * declared length is too large before the handler runs; a body sent in chunks declares none.
 */
export async function* limitBytes(
  source: AsyncIterable<Buffer>,
  maxBytes: number
): AsyncGenerator<Buffer, void, undefined> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw new UploadTooLargeError(maxBytes);
    yield chunk;
  }
}
