import { STATUS_CODES } from 'node:http';
import type {
  CustomHttpResponseOptions,
  ErrorHttpResponseOptions,
  HttpResponseOptions,
  HttpResponsePayload,
  IKibanaResponse,
  KibanaResponseFactory,
  ResponseError,
} from '@kbn/core/server';

export class KibanaResponse<T extends HttpResponsePayload | ResponseError = HttpResponsePayload>
  implements IKibanaResponse<T>
{
  constructor(
    public readonly status: number,
    public readonly payload?: T,
    public readonly options: HttpResponseOptions = {}
  ) {}
}

/** Kibana answers errors with hapi's Boom shape. */
export function errorBody(statusCode: number, error?: ResponseError) {
  const reason = STATUS_CODES[statusCode] ?? 'Error';
  if (error === undefined) return { statusCode, error: reason, message: reason };
  if (typeof error === 'string') return { statusCode, error: reason, message: error };
  if (error instanceof Error) return { statusCode, error: reason, message: error.message };
  if (typeof error === 'object' && 'message' in error) {
    const message = error.message instanceof Error ? error.message.message : error.message;
    return {
      statusCode,
      error: reason,
      message,
      ...(error.attributes ? { attributes: error.attributes } : {}),
    };
  }
  return { statusCode, error: reason, message: reason };
}

function errorResponse(statusCode: number) {
  return (options: ErrorHttpResponseOptions = {}) =>
    new KibanaResponse(statusCode, errorBody(statusCode, options.body), options);
}

export const kibanaResponseFactory = {
  ok: (options: HttpResponseOptions = {}) => new KibanaResponse(200, options.body, options),
  created: (options: HttpResponseOptions = {}) => new KibanaResponse(201, options.body, options),
  accepted: (options: HttpResponseOptions = {}) => new KibanaResponse(202, options.body, options),
  noContent: (options: HttpResponseOptions = {}) => new KibanaResponse(204, undefined, options),
  badRequest: errorResponse(400),
  unauthorized: errorResponse(401),
  forbidden: errorResponse(403),
  notFound: errorResponse(404),
  conflict: errorResponse(409),
  unprocessableContent: errorResponse(422),
  customError: (options: CustomHttpResponseOptions<ResponseError>) =>
    new KibanaResponse(options.statusCode, errorBody(options.statusCode, options.body), options),
  custom: (options: CustomHttpResponseOptions<HttpResponsePayload | ResponseError>) =>
    new KibanaResponse(options.statusCode, options.body, options),
} as unknown as KibanaResponseFactory;
