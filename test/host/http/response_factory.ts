import { STATUS_CODES } from 'node:http';
import type {
  CustomHttpResponseOptions,
  ErrorHttpResponseOptions,
  HttpResponseOptions,
  HttpResponsePayload,
  IKibanaResponse,
  KibanaResponseFactory,
  RedirectResponseOptions,
  ResponseError,
} from '@kbn/core/server';

/**
 * Kibana's response factory, as a handler sees it: it records status, payload and options; turning
 * them into an HTTP answer (and refusing what hapi refuses) is response_adapter.ts's work.
 * Kibana: src/core/packages/http/router-server-internal/src/response.ts @ 0ec19fff
 */
export class KibanaResponse<T extends HttpResponsePayload | ResponseError = HttpResponsePayload>
  implements IKibanaResponse<T>
{
  constructor(
    public readonly status: number,
    public readonly payload?: T,
    public readonly options: HttpResponseOptions = {}
  ) {}
}

/** hapi's Boom error payload, the shape of every Kibana error answer. */
export function errorBody(statusCode: number, message?: string) {
  const reason = STATUS_CODES[statusCode] ?? 'Unknown';
  return { statusCode, error: reason, message: message ?? reason };
}

const errorResponse =
  (statusCode: number, defaultBody: string) =>
  (options: ErrorHttpResponseOptions = {}) =>
    new KibanaResponse(statusCode, options.body || defaultBody, options);

function assertStatusCode(options: { statusCode?: number } | undefined) {
  if (!options || !options.statusCode) {
    throw new Error(
      `options.statusCode is expected to be set. given options: ${options && options.statusCode}`
    );
  }
}

export const kibanaResponseFactory = {
  ok: (options: HttpResponseOptions = {}) => new KibanaResponse(200, options.body, options),
  created: (options: HttpResponseOptions = {}) => new KibanaResponse(201, options.body, options),
  accepted: (options: HttpResponseOptions = {}) => new KibanaResponse(202, options.body, options),
  noContent: (options: HttpResponseOptions = {}) => new KibanaResponse(204, undefined, options),
  multiStatus: (options: HttpResponseOptions = {}) =>
    new KibanaResponse(207, options.body, options),
  redirected: (options: RedirectResponseOptions) => new KibanaResponse(302, options.body, options),
  notModified: (options: HttpResponseOptions = {}) => new KibanaResponse(304, undefined, options),
  badRequest: errorResponse(400, 'Bad Request'),
  unauthorized: errorResponse(401, 'Unauthorized'),
  forbidden: errorResponse(403, 'Forbidden'),
  notFound: errorResponse(404, 'Not Found'),
  conflict: errorResponse(409, 'Conflict'),
  unprocessableContent: errorResponse(422, 'Unprocessable Content'),
  customError: (options: CustomHttpResponseOptions<ResponseError>) => {
    assertStatusCode(options);
    if (options.statusCode < 400 || options.statusCode >= 600) {
      throw new Error(
        `Unexpected Http status code. Expected from 400 to 599, but given: ${options.statusCode}`
      );
    }
    return new KibanaResponse(options.statusCode, options.body, options);
  },
  custom: (options: CustomHttpResponseOptions<HttpResponsePayload | ResponseError>) => {
    assertStatusCode(options);
    const { statusCode, body, ...rest } = options;
    return new KibanaResponse(statusCode, body, rest);
  },
} as unknown as KibanaResponseFactory;
