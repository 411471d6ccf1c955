import { useEffect, useState } from 'react';
import type { StatusResponse } from '../../common/http_api/status';
import type { ConnectionsApi } from '../services/connections_api';

export type PluginStatusState =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: StatusResponse }
  | { kind: 'failed'; message: string };

/** The plugin's status (versions, readiness, encryption key), read once per page. */
export function usePluginStatus(api: Pick<ConnectionsApi, 'status'>): PluginStatusState {
  const [state, setState] = useState<PluginStatusState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    api.status().then(
      (status) => current && setState({ kind: 'loaded', status }),
      (error: Error) => current && setState({ kind: 'failed', message: error.message })
    );
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
