import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

export function registerGetConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.get(
    {
      path: `${CONNECTIONS_API_PATH}/{id}`,
      validate: { params: validateWith(connectionIdParamsCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        return response.ok({ body: await service.get(request, request.params.id) });
      })
  );
}
