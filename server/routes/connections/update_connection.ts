import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
  updateConnectionRequestCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

/** Saves every setting; a secret left out keeps the stored one. The task follows the settings. */
export function registerUpdateConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.put(
    {
      path: `${CONNECTIONS_API_PATH}/{id}`,
      validate: {
        params: validateWith(connectionIdParamsCodec),
        body: validateWith(updateConnectionRequestCodec),
      },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        const view = await service.update(request, request.params.id, request.body);
        return response.ok({ body: view });
      })
  );
}
