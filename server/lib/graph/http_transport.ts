import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  caCertificate?: string;
}

export interface TransportResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network' | 'aborted'
  ) {
    super(message);
  }
}

/**
 * One HTTPS request with a hard timeout and cancellation. Node's https (not fetch) because a
 * test-only CA must be trusted per request, and MSAL's token calls share this transport.
 */
export function sendRequest(options: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new TransportError('Request aborted', 'aborted'));
    const url = new URL(options.url);
    if (url.protocol !== 'https:')
      return reject(new Error(`Refusing a non-https URL: ${url.origin}`));
    const req = httpsRequest(url, {
      method: options.method,
      headers: options.headers,
      ...(options.caCertificate ? { ca: options.caCertificate } : {}),
    });
    let failure: TransportError | undefined;
    const fail = (error: TransportError) => {
      failure ??= error;
      req.destroy(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new TransportError(`No answer from ${url.host} within ${options.timeoutMs} ms`, 'timeout')
        ),
      options.timeoutMs
    );
    const onAbort = () => fail(new TransportError('Request aborted', 'aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        done();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (error) => {
        done();
        reject(
          failure ??
            new TransportError(`Connection to ${url.host} broke: ${error.message}`, 'network')
        );
      });
    });
    req.on('error', (error) => {
      done();
      reject(
        failure ?? new TransportError(`Cannot reach ${url.host}: ${error.message}`, 'network')
      );
    });
    req.end(options.body);
  });
}
