import { API_PRIVILEGES } from '../../../common/constants';
import {
  KNOWN_SENDERS_API_PATH,
  knownSenderParamsCodec,
  markKnownSenderRequestCodec,
  type ListKnownSendersResponse,
} from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';

/** Listing is for every reader of the views; marking and unmarking change what others see. */
export function registerKnownSenderRoutes(dependencies: RouteDependencies) {
  const { router, getServices } = dependencies;
  router.get(
    {
      path: KNOWN_SENDERS_API_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const { knownSenders } = await getServices();
        const body: ListKnownSendersResponse = { knownSenders: await knownSenders.list(request) };
        return response.ok({ body });
      })
  );
  router.post(
    {
      path: KNOWN_SENDERS_API_PATH,
      validate: { body: validateWith(markKnownSenderRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const { knownSenders, authc, clock } = await getServices();
        // Who and when come from the request: a body's extra keys pass the codec, never the store.
        const { sender, note } = request.body;
        const markedBy = authc.getCurrentUser(request)?.username;
        const body = await knownSenders.mark(request, {
          sender,
          note,
          ...(markedBy ? { markedBy } : {}),
          markedAt: new Date(clock.now()).toISOString(),
        });
        return response.ok({ body });
      })
  );
  router.delete(
    {
      path: `${KNOWN_SENDERS_API_PATH}/{sender}`,
      validate: { params: validateWith(knownSenderParamsCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () => {
        const { knownSenders } = await getServices();
        await knownSenders.unmark(request, request.params.sender);
        return response.noContent();
      })
  );
}
