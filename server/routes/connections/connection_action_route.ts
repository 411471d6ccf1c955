import type { KibanaRequest } from '@kbn/core/server';
import { API_PRIVILEGES } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { ConnectionService } from '../../services/connection_service';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

/** POST `…/connections/{id}/<action>` with no body, for users who manage connections. */
export function registerConnectionActionRoute(
  dependencies: RouteDependencies,
  action: '_run' | '_authorize',
  perform: (service: ConnectionService, request: KibanaRequest, id: string) => Promise<object>
) {
  dependencies.router.post(
    {
      path: `${CONNECTIONS_API_PATH}/{id}/${action}`,
      validate: { params: validateWith(connectionIdParamsCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        return response.ok({ body: await perform(service, request, request.params.id) });
      })
  );
}
