import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  createConnectionRequestCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

/** Saves the connection and schedules its collection (disabled when the connection is). */
export function registerCreateConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: CONNECTIONS_API_PATH,
      validate: { body: validateWith(createConnectionRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        return response.ok({ body: await service.create(request, request.body) });
      })
  );
}
