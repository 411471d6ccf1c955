import { useCallback, useEffect, useState } from 'react';
import type { ConnectionView } from '../../common/http_api/connections';
import type { ConnectionsApi } from '../services/connections_api';

/** While a run or a backfill is under way the table and progress bars follow it closely. */
export const ACTIVE_POLL_MS = 3_000;
/** Otherwise often enough for a scheduled run, its next run time and the countdowns. */
const IDLE_POLL_MS = 30_000;

/** Running, backfilling, or due (Run now was asked and Task Manager has yet to pick it up). */
function isBusy(connection: ConnectionView, now: number): boolean {
  const { task, backfill, settings } = connection;
  const due = settings.enabled && task.nextRunAt !== undefined && Date.parse(task.nextRunAt) <= now;
  return task.health === 'running' || due || (backfill !== undefined && !backfill.done);
}

export interface ConnectionsState {
  /** Undefined until the first answer. */
  connections?: ConnectionView[];
  /** Who is looking: a re-authorisation grants the writer key as this user. */
  username?: string;
  /** The last refresh's failure; the last good list stays shown. */
  error?: Error;
  refresh(): void;
}

/** The connection list, refreshed on a timer (faster while anything is busy) and on demand. */
export function useConnections(api: ConnectionsApi): ConnectionsState {
  const [connections, setConnections] = useState<ConnectionView[]>();
  const [username, setUsername] = useState<string>();
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((current) => current + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    api.list(controller.signal).then(
      (response) => {
        if (controller.signal.aborted) return;
        setConnections(response.connections);
        setUsername(response.username);
        setError(undefined);
      },
      (failure: Error) => {
        if (!controller.signal.aborted) setError(failure);
      }
    );
    return () => controller.abort();
  }, [api, generation]);

  const busy = connections?.some((connection) => isBusy(connection, Date.now())) ?? false;
  useEffect(() => {
    const timer = setTimeout(refresh, busy ? ACTIVE_POLL_MS : IDLE_POLL_MS);
    return () => clearTimeout(timer);
  }, [generation, busy, refresh]);

  return { connections, username, error, refresh };
}
