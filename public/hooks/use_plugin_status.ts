import { useEffect, useState } from 'react';
import type { StatusResponse } from '../../common/http_api/status';
import type { ConnectionsApi } from '../services/connections_api';
import { ACTIVE_POLL_MS } from './use_connections';
import { useFetch, type FetchState } from './use_fetch';

/**
 * The plugin's status (versions, readiness, encryption key), read once per page, and again every
 * few seconds while the plugin is not ready, so the page notices when it becomes ready.
 */
export function usePluginStatus(api: Pick<ConnectionsApi, 'status'>): FetchState<StatusResponse> {
  const [reads, setReads] = useState(0);
  const state = useFetch(`status#${reads}`, () => api.status());
  const notReady = state.data?.notReadyReason !== undefined;
  useEffect(() => {
    if (!notReady) return undefined;
    const timer = setTimeout(() => setReads((count) => count + 1), ACTIVE_POLL_MS);
    return () => clearTimeout(timer);
  }, [notReady, reads]);
  return state;
}
