import { API_PRIVILEGES } from '../../../common/constants';
import { MESSAGE_DETAIL_API_PATH, messageDetailRequestCodec } from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { messageDetail } from '../../lib/views/message_detail';
import type { RouteDependencies } from '../types';
import { answerView } from './view_handler';

export function registerMessageDetailRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: MESSAGE_DETAIL_API_PATH,
      validate: { body: validateWith(messageDetailRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerView(dependencies, context, request, response, async (target) => {
        const detail = await messageDetail(target, request.body);
        if (!detail) {
          return response.notFound({
            body: {
              message: `No message with trace id ${request.body.traceId} is visible to you`,
            },
          });
        }
        return response.ok({ body: detail });
      })
  );
}
