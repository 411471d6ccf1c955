import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  type ListConnectionsResponse,
} from '../../../common/http_api/connections';
import { answerWith } from '../error_response';
import type { RouteDependencies } from '../types';
import { connectionServiceOf } from './connection_handler';

export function registerListConnectionsRoute(dependencies: RouteDependencies) {
  dependencies.router.get(
    {
      path: CONNECTIONS_API_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        const username = service.username(request);
        const body: ListConnectionsResponse = {
          connections: await service.list(request),
          ...(username ? { username } : {}),
        };
        return response.ok({ body });
      })
  );
}
