import { API_PRIVILEGES } from '../../../common/constants';
import {
  backfillRequestCodec,
  CONNECTIONS_API_PATH,
  connectionIdParamsCodec,
} from '../../../common/http_api/connections';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { connectionServiceOf } from './connection_handler';

/** Re-reads a past range beside the regular schedule; a new backfill replaces an unfinished one. */
export function registerBackfillConnectionRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: `${CONNECTIONS_API_PATH}/{id}/_backfill`,
      validate: {
        params: validateWith(connectionIdParamsCodec),
        body: validateWith(backfillRequestCodec),
      },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const service = await connectionServiceOf(dependencies);
        const view = await service.backfill(request, request.params.id, request.body);
        return response.ok({ body: view });
      })
  );
}
