/**
 * Kibana's saved objects client throws hapi Boom errors; callers read `output.statusCode`
 * (SavedObjectsErrorHelpers does the same), so the host throws errors of that shape.
 */
export class SavedObjectError extends Error {
  readonly isBoom = true;
  readonly output: {
    statusCode: number;
    payload: { statusCode: number; error: string; message: string };
  };

  constructor(statusCode: number, error: string, message: string) {
    super(message);
    this.output = { statusCode, payload: { statusCode, error, message } };
  }
}

export const notFound = (type: string, id: string) =>
  new SavedObjectError(404, 'Not Found', `Saved object [${type}/${id}] not found`);

/** SavedObjectsErrorHelpers.createGenericNotFoundError() without type and id: Boom.notFound(). */
export const genericNotFound = () => new SavedObjectError(404, 'Not Found', 'Not Found');

export const unsupportedType = (type: string) =>
  new SavedObjectError(400, 'Bad Request', `Unsupported saved object type: '${type}': Bad Request`);

export const badRequest = (message: string) => new SavedObjectError(400, 'Bad Request', message);

export const notAcceptable = (message: string) =>
  new SavedObjectError(406, 'Not Acceptable', message);

/** @hapi/boom's names for the statuses decorateEsError gives. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const UNREACHABLE = new Set(['ConnectionError', 'NoLivingConnectionsError', 'TimeoutError']);

interface EsErrorLike extends Error {
  statusCode?: number;
  body?: { error?: { reason?: string } };
}

/**
 * What Kibana's repository throws for a failed Elasticsearch call: every call goes through its
 * repository client (repository_es_client.ts @ 3c834d6b), which throws decorateEsError(e)
 * (api-server-internal/src/lib/utils/decorate_es_error.ts @ 626a001d). That is the same error,
 * boomified with the status it maps to and Elasticsearch's top-level `reason` put before its
 * message (SavedObjectsErrorHelpers `decorate`, saved_objects_error_helpers.ts @ b21a7e7f; Boom's
 * `initialize`: "<reason>: <message>", a 500's payload message hidden). A 404 becomes a new
 * generic Not Found. Kibana first retries some failures (retryCallCluster); the host does not.
 */
export function decorateEsError(error: unknown): Error {
  if (!(error instanceof Error)) throw new Error('Expected an instance of Error');
  if ((error as { isBoom?: boolean }).isBoom) return error;
  const failure = error as EsErrorLike;
  const status = failure.statusCode;
  if (status === 404) return genericNotFound();
  const mapped =
    UNREACHABLE.has(failure.name) || status === 503
      ? 503
      : status !== undefined && status in STATUS_TEXT
        ? status
        : 500;
  return boomify(failure, mapped, failure.body?.error?.reason);
}

function boomify(error: Error, statusCode: number, reason: string | undefined): Error {
  if (reason) error.message = error.message ? `${reason}: ${error.message}` : reason;
  const message = statusCode === 500 ? 'An internal server error occurred' : error.message;
  return Object.assign(error, {
    isBoom: true,
    isServer: statusCode >= 500,
    data: (error as { data?: unknown }).data ?? null,
    output: {
      statusCode,
      payload: { statusCode, error: STATUS_TEXT[statusCode], message },
      headers: {},
    },
  });
}
