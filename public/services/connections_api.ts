import type { HttpStart } from '@kbn/core/public';
import { STATUS_API_PATH } from '../../common/constants';
import {
  CONNECTIONS_API_PATH,
  DISCOVER_DOMAINS_API_PATH,
  TEST_CONNECTION_API_PATH,
  connectionPath,
  type BackfillRequest,
  type ConnectionView,
  type CreateConnectionRequest,
  type DiscoverDomainsResponse,
  type ListConnectionsResponse,
  type RunNowResponse,
  type TestConnectionRequest,
  type TestConnectionResponse,
  type UpdateConnectionRequest,
} from '../../common/http_api/connections';
import type { StatusResponse } from '../../common/http_api/status';

const json = (body: unknown) => ({ body: JSON.stringify(body) });

/** The settings page's calls, typed by the contract in common/http_api/connections.ts. */
export function createConnectionsApi(http: HttpStart) {
  return {
    status: () => http.get<StatusResponse>(STATUS_API_PATH),
    list: (signal?: AbortSignal) =>
      http.get<ListConnectionsResponse>(CONNECTIONS_API_PATH, { signal }),
    create: (request: CreateConnectionRequest) =>
      http.post<ConnectionView>(CONNECTIONS_API_PATH, json(request)),
    update: (id: string, request: UpdateConnectionRequest) =>
      http.put<ConnectionView>(connectionPath(id), json(request)),
    remove: (id: string) => http.delete<void>(connectionPath(id)),
    runNow: (id: string) => http.post<RunNowResponse>(connectionPath(id, '_run')),
    authorize: (id: string) => http.post<ConnectionView>(connectionPath(id, '_authorize')),
    backfill: (id: string, request: BackfillRequest) =>
      http.post<ConnectionView>(connectionPath(id, '_backfill'), json(request)),
    test: (request: TestConnectionRequest) =>
      http.post<TestConnectionResponse>(TEST_CONNECTION_API_PATH, json(request)),
    discoverDomains: (request: TestConnectionRequest) =>
      http.post<DiscoverDomainsResponse>(DISCOVER_DOMAINS_API_PATH, json(request)),
  };
}

export type ConnectionsApi = ReturnType<typeof createConnectionsApi>;
