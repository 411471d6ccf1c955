import { Readable } from 'node:stream';
import { errors } from '@elastic/elasticsearch';
import type { ResponseError, ResponseHeaders } from '@kbn/core/server';
import { typeDetect } from '../kbn_modules/type_detect';
import { errorBody, KibanaResponse, kibanaResponseFactory } from './response_factory';

/** What goes on the wire: a JSON-able value, text, bytes or a stream as the body. */
export interface HttpAnswer {
  status: number;
  headers: ResponseHeaders;
  body?: unknown;
}

const isBinary = (payload: unknown): payload is Buffer | Readable =>
  Buffer.isBuffer(payload) || payload instanceof Readable;

// Kibana: response_adapter.ts `getErrorMessage`; Elasticsearch errors add their reason.
function errorMessageOf(payload: ResponseError | undefined): string {
  if (!payload) throw new Error('expected error message to be provided');
  if (typeof payload === 'string') return payload;
  if (isBinary(payload)) throw new Error(`can't resolve error message from stream or buffer`);
  if (payload instanceof errors.ResponseError) {
    const reason = (payload.meta.body as { error?: { reason?: string } } | undefined)?.error
      ?.reason;
    return `[${payload.message}]: ${reason}`;
  }
  return errorMessageOf((payload as { message: ResponseError }).message);
}

function errorAnswer(response: KibanaResponse<ResponseError>): HttpAnswer {
  const { payload, status } = response;
  const headers = response.options.headers ?? {};
  // Kibana passes a proxied error's bytes or stream through untouched.
  if (isBinary(payload)) return { status, headers, body: payload };
  const attributes =
    typeof payload === 'object' && 'attributes' in payload ? payload.attributes : undefined;
  return {
    status,
    headers,
    body: { ...errorBody(status, errorMessageOf(payload)), ...(attributes ? { attributes } : {}) },
  };
}

/**
 * How Kibana's hapi adapter answers what a handler returned, and what it refuses (each refusal
 * throws, and the router turns the throw into a logged 500).
 * Kibana: src/core/packages/http/router-server-internal/src/response_adapter.ts @ 2977442a
 */
export function toHttpAnswer(response: unknown): HttpAnswer {
  if (!(response instanceof KibanaResponse)) {
    throw new Error(
      `Unexpected result from Route Handler. Expected KibanaResponse, but given: ${typeDetect(response)}.`
    );
  }
  const { status, payload, options } = response;
  const success = { status, headers: options.headers ?? {}, body: payload };
  if (options.bypassErrorFormat) return success;
  if (status >= 400 && status < 600) return errorAnswer(response);
  if ((status >= 100 && status < 300) || status === 304) return success;
  if (status >= 300 && status < 400) {
    if (typeof options.headers?.location !== 'string') {
      throw new Error("expected 'location' header to be set");
    }
    return success;
  }
  throw new Error(`Unexpected Http status code. Expected from 100 to 599, but given: ${status}.`);
}

/**
 * Kibana's answer to anything a handler throws but an Elasticsearch 401 (the adapter's
 * `toInternalError`, same commit).
 */
export const INTERNAL_ERROR_ANSWER: HttpAnswer = {
  status: 500,
  headers: {},
  body: errorBody(500, 'An internal server error occurred. Check Kibana server logs for details.'),
};

/**
 * Kibana forwards an Elasticsearch 401 as `unauthorized` with its message and challenge.
 * Kibana: src/core/packages/http/router-server-internal/src/router.ts @ 0311e8ba (`handle`,
 * `convertEsUnauthorized`); src/platform/packages/shared/kbn-es-errors/src/errors.ts @ 2cee88f5.
 */
export function elasticsearchUnauthorizedAnswer(error: unknown): HttpAnswer | undefined {
  if (!(error instanceof errors.ResponseError) || error.statusCode !== 401) return undefined;
  const challenge = Object.entries(error.headers ?? {}).find(
    ([key]) => key.toLowerCase() === 'www-authenticate'
  );
  const authenticate =
    (challenge?.[1] as string | undefined) ?? 'Basic realm="Authorization Required"';
  return toHttpAnswer(
    kibanaResponseFactory.unauthorized({
      body: error.message,
      headers: { 'www-authenticate': authenticate },
    })
  );
}
