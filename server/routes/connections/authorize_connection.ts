import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith, connectionServiceOf } from './connection_handler';

/** Grants a new writer API key for the caller and resumes collection (re-authorise). */
export function registerAuthorizeConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: `${CONNECTIONS_API_PATH}/{id}/_authorize`,
      validate: { params: validateWith(connectionIdParamsCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        return response.ok({ body: await service.authorize(request, request.params.id) });
      })
  );
}
