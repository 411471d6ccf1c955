import type { ServerResponse } from 'node:http';
import { filter, first, fromEvent, map, shareReplay, type Observable } from 'rxjs';

export interface RequestEvents {
  aborted$: Observable<void>;
  completed$: Observable<void>;
}

/**
 * `request.events` of a real request, as Kibana builds them: `completed$` emits once when the
 * response closes, finished or not; `aborted$` emits on that close only when the response had not
 * been written whole (`writableFinished && writableEnded`), i.e. the client went away first. The
 * request's own `close` says nothing of the kind: it comes as soon as its body has been read.
 * Both listen from their first subscriber on, so a close before any subscription goes unseen.
 * Kibana: src/core/packages/http/router-server-internal/src/request.ts @ 0467ecaf
 * (`getEvents`, `isCompleted`).
 */
export function requestEvents(res: ServerResponse): RequestEvents {
  const completed$ = fromEvent(res, 'close').pipe(
    map(() => undefined),
    shareReplay(1),
    first()
  );
  const aborted$ = completed$.pipe(filter(() => !(res.writableFinished && res.writableEnded)));
  return { aborted$, completed$ };
}
