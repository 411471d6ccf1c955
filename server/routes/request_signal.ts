import type { KibanaRequest } from '@kbn/core/server';

/**
 * Aborts when the client goes away before the answer is written. Kibana's `aborted$` emits on the
 * response's `close` when the response is not finished, and completes with the response either way,
 * so the subscription ends with the request (router-server-internal/src/request.ts @ 0467ecaf).
 */
export function abortSignalOf(request: KibanaRequest): AbortSignal {
  const controller = new AbortController();
  request.events.aborted$.subscribe(() =>
    controller.abort(new DOMException('The client closed the request', 'AbortError'))
  );
  return controller.signal;
}
