import type {
  KibanaRequest,
  LifecycleResponseFactory,
  Logger,
  OnPreAuthHandler,
  OnPreAuthResult,
  OnPreAuthToolkit,
} from '@kbn/core/server';
import { INTERNAL_ERROR_ANSWER, toHttpAnswer, type HttpAnswer } from './response_adapter';
import { KibanaResponse, kibanaResponseFactory } from './response_factory';

const NEXT = 'next' as OnPreAuthResult['type'];

const toolkit: OnPreAuthToolkit = { next: () => ({ type: NEXT }) };

// Kibana's lifecycleResponseFactory: redirects and errors only.
const lifecycleResponseFactory: LifecycleResponseFactory = {
  redirected: kibanaResponseFactory.redirected,
  badRequest: kibanaResponseFactory.badRequest,
  unauthorized: kibanaResponseFactory.unauthorized,
  forbidden: kibanaResponseFactory.forbidden,
  notFound: kibanaResponseFactory.notFound,
  conflict: kibanaResponseFactory.conflict,
  unprocessableContent: kibanaResponseFactory.unprocessableContent,
  customError: kibanaResponseFactory.customError,
};

/**
 * Kibana's onPreAuth stage: the interceptors, in the order they were registered, before the
 * request is authenticated. A response ends the request, `toolkit.next()` hands it on; a throw or
 * any other result is logged and answered with the generic 500.
 * Kibana: src/core/packages/http/server-internal/src/lifecycle/on_pre_auth.ts @ 057dcf9c
 * (adoptToHapiOnPreAuth); src/core/packages/http/server/src/lifecycle/on_pre_auth.d.ts @ 841c321e.
 * The host runs the stage for API routes only (its app pages are not Kibana routes).
 */
export async function runOnPreAuth(
  handlers: readonly OnPreAuthHandler[],
  request: KibanaRequest,
  logger: Logger
): Promise<HttpAnswer | undefined> {
  for (const handler of handlers) {
    try {
      const result = await handler(request, lifecycleResponseFactory, toolkit);
      if (result instanceof KibanaResponse) return toHttpAnswer(result);
      if ((result as OnPreAuthResult | undefined)?.type === NEXT) continue;
      throw new Error(
        `Unexpected result from OnPreAuth. Expected OnPreAuthResult or KibanaResponse, but given: ${String(result)}.`
      );
    } catch (error) {
      logger.error(error as Error);
      return INTERNAL_ERROR_ANSWER;
    }
  }
  return undefined;
}
