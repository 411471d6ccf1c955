import type {
  IKibanaResponse,
  KibanaRequest,
  KibanaResponseFactory,
  RequestHandler,
} from '@kbn/core/server';
import { schema, Type } from '../kbn_modules/config_schema';
import { isBoom } from './boom';

/** What the alerting and actions routes share: Boom answers, and config-schema's `any`. */

export const anyValue = new Type<unknown>((value) => value);
const anyRecord = schema.recordOf(schema.string(), anyValue);
/** `schema.recordOf(schema.string(), schema.any(), { defaultValue: {} })`. */
export const recordDefaultingToEmpty = new Type<Record<string, unknown>>(
  (value, path) => anyRecord.at(value, [...path]),
  { defaultValue: {} }
);

export interface ValidatedRequest<P, Q, B> {
  request: KibanaRequest;
  params: P;
  query: Q;
  body: B;
}

/**
 * `router.handleLegacyErrors`: a Boom error thrown by the handler is answered with its status and
 * message; anything else goes on to the router, which answers a generic 500.
 */
export function legacyErrors<P = unknown, Q = unknown, B = unknown>(
  handler: (
    validated: ValidatedRequest<P, Q, B>,
    response: KibanaResponseFactory
  ) => Promise<IKibanaResponse>
): RequestHandler {
  return async (_context, request, response) => {
    try {
      return await handler(
        {
          request,
          params: request.params as P,
          query: request.query as Q,
          body: request.body as B,
        },
        response
      );
    } catch (error) {
      if (!isBoom(error)) throw error;
      return response.customError({
        statusCode: error.output.statusCode,
        body: { message: error.output.payload.message },
      });
    }
  };
}
