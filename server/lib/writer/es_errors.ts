/**
 * Error helpers that work on errors from client 8.x and 9.x alike: they duck-type instead of using
 * `instanceof`, because the two clients (and Kibana's wrapped client) ship separate error classes.
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  statusCode?: unknown;
  meta?: { statusCode?: unknown; body?: unknown };
  body?: unknown;
}

/**
 * HTTP status of a response error, or undefined for network errors and anything else. Client 9.x
 * puts statusCode 0 in the meta of a request that got no answer: that is no status either.
 */
export function errorStatus(error: unknown): number | undefined {
  const candidate = error as ErrorLike | undefined;
  const status = candidate?.meta?.statusCode ?? candidate?.statusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

const TRANSIENT_ERROR_NAMES = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
  'SniffError',
]);

/** 429 and 5xx, and failures to reach the cluster at all: worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The credentials were refused: fixed by re-authorising, not by retrying. */
export function isAuthorizationStatus(status: number): boolean {
  return status === 401 || status === 403;
}

export function isTransientError(error: unknown): boolean {
  const status = errorStatus(error);
  if (status !== undefined) return isRetryableStatus(status);
  const name = (error as ErrorLike | undefined)?.name;
  return typeof name === 'string' && TRANSIENT_ERROR_NAMES.has(name);
}

interface EsErrorCause {
  type?: string;
  reason?: string | null;
  caused_by?: EsErrorCause;
}

/** `type: reason (caused by type: reason)`, the way Elasticsearch explains a rejected document. */
export function describeCause(cause: EsErrorCause | undefined): string {
  if (!cause) return 'unknown error';
  const head = [cause.type, cause.reason].filter(Boolean).join(': ') || 'unknown error';
  return cause.caused_by ? `${head} (caused by ${describeCause(cause.caused_by)})` : head;
}

export function describeError(error: unknown): string {
  const body = (error as ErrorLike | undefined)?.meta?.body as { error?: unknown } | undefined;
  if (body && typeof body.error === 'object' && body.error !== null) {
    return describeCause(body.error as EsErrorCause);
  }
  const message = (error as ErrorLike | undefined)?.message;
  return typeof message === 'string' && message ? message : String(error);
}

export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404;
}

export function isAbortError(error: unknown): boolean {
  const name = (error as ErrorLike | undefined)?.name;
  return name === 'AbortError' || name === 'RequestAbortedError';
}
