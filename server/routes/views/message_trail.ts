import { API_PRIVILEGES } from '../../../common/constants';
import { MESSAGE_TRAIL_API_PATH, messageTrailRequestCodec } from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { visibleRow } from '../../lib/views/message_detail';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { abortSignalOf } from '../request_signal';
import { viewTargetOf } from './view_handler';

/**
 * The per-recipient event trail from Microsoft Graph. Only for a row the user can read in
 * Elasticsearch, and through the connection that collected it, so nobody reaches a tenant they
 * cannot see. Each Graph request is taken from the user's part of the tenant's on-demand share,
 * never from collection's; when it is used up, a 429 says when to try again. Trails are cached.
 */
export function registerMessageTrailRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: MESSAGE_TRAIL_API_PATH,
      validate: { body: validateWith(messageTrailRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerWith(response, async () => {
        const signal = abortSignalOf(request);
        const services = await dependencies.getServices();
        const { traceId, recipient } = request.body;
        const row = await visibleRow(await viewTargetOf(context, signal, services), request.body);
        if (!row) {
          return response.notFound({
            body: { message: `No message ${traceId} to ${recipient} is visible to you` },
          });
        }
        if (!row.connectionId) {
          return response.badRequest({
            body: {
              message:
                'traceId: this message was not collected by a connection (command line or file import), so there is none to ask Microsoft Graph with',
            },
          });
        }
        const body = await services.messageTrails.trail(
          { connectionId: row.connectionId, traceId, recipient, status: row.status },
          services.authc.getCurrentUser(request)?.username
        );
        return response.ok({ body });
      })
  );
}
