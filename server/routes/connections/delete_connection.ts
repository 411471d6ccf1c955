import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

/** Deletes the connection and its task; the documents it collected stay. */
export function registerDeleteConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.delete(
    {
      path: `${CONNECTIONS_API_PATH}/{id}`,
      validate: { params: validateWith(connectionIdParamsCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        await service.delete(request, request.params.id);
        return response.noContent();
      })
  );
}
