import { API_PRIVILEGES } from '../../../common/constants';
import { MESSAGES_API_PATH, messageSearchRequestCodec } from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { searchMessages } from '../../lib/views/message_search';
import type { RouteDependencies } from '../types';
import { answerView } from './view_handler';

export function registerSearchMessagesRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: MESSAGES_API_PATH,
      validate: { body: validateWith(messageSearchRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerView(dependencies, context, request, response, async (target, services) => {
        const found = await searchMessages(target, request.body);
        // Reasons only from trails already fetched: a page of rows spends no Graph requests.
        return response.ok({
          body: { ...found, rows: services.messageTrails.withKnownFailures(found.rows) },
        });
      })
  );
}
