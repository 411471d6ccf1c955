import { finished, type Readable } from 'node:stream';

/**
 * The upload's bytes, read without destroying the request when reading stops early: destroying an
 * unfinished request closes its socket, and the answer (a 413, a 400) would never reach the client.
 */
export function readUpload(body: Readable): AsyncIterable<Buffer> {
  return body.iterator({ destroyOnReturn: false });
}

/**
 * Reads the rest of an upload that will not be imported, unprocessed, so that the answer follows
 * a whole request: HTTP clients (browsers among them) report a connection reset, not the answer,
 * when it comes while they are still sending. Stops after `maxBytes`, as the import would have.
 */
export function discardRest(body: Readable, maxBytes: number): Promise<void> {
  return new Promise((resolve) => {
    let discarded = 0;
    const onData = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxBytes) stop();
    };
    const stop = () => {
      body.off('data', onData);
      body.pause();
      cleanup();
      resolve();
    };
    const cleanup = finished(body, { writable: false }, stop);
    body.on('data', onData);
    body.resume();
  });
}
