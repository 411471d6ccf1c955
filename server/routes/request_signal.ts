import type { KibanaRequest } from '@kbn/core/server';

/**
 * Aborts when the client goes away before the answer is written, as the data plugin's
 * getRequestAbortedSignal does (src/platform/plugins/shared/data/server/lib/
 * get_request_aborted_signal.ts @ 9a68b204). Kibana's `aborted$` emits on the response's `close`
 * when the response is not finished, and completes with the response either way, so the
 * subscription ends with the request; it listens only from its first subscriber on, so take the
 * signal before the handler's first wait (src/core/packages/http/router-server-internal/src/
 * request.ts @ 0467ecaf, `getEvents`).
 */
export function abortSignalOf(request: KibanaRequest): AbortSignal {
  const controller = new AbortController();
  request.events.aborted$.subscribe(() =>
    controller.abort(new DOMException('The client closed the request', 'AbortError'))
  );
  return controller.signal;
}
