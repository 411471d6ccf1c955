import type { KibanaRequest, RequestHandlerContext } from '@kbn/core/server';
import { API_PRIVILEGES } from '../../../common/constants';
import {
  SUSPICIOUS_SENDERS_API_PATH,
  suspiciousSendersRequestCodec,
  type SuspiciousSendersRequest,
} from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { suspiciousSenders } from '../../lib/views/suspicious_senders';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { abortSignalOf } from '../request_signal';
import { localDomainsOf, viewTargetOf } from './view_handler';

/**
 * The ranking of `body`'s scope, scored with the user's own privileges, our domains from its
 * connections and the known-good marks: what the page shows and the CSV export holds.
 */
export async function rankSendersFor(
  dependencies: RouteDependencies,
  context: RequestHandlerContext,
  request: KibanaRequest,
  body: SuspiciousSendersRequest
) {
  const signal = abortSignalOf(request);
  const services = await dependencies.getServices();
  const [target, localDomains, knownSenders] = await Promise.all([
    viewTargetOf(context, signal, services, body),
    localDomainsOf(services, request, body),
    services.knownSenders.list(request),
  ]);
  return suspiciousSenders(target, body, {
    localDomains,
    knownGood: new Map(knownSenders.map((known) => [known.sender, known])),
  });
}

export function registerSuspiciousSendersRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: SUSPICIOUS_SENDERS_API_PATH,
      validate: { body: validateWith(suspiciousSendersRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerWith(
        response,
        async () =>
          response.ok({
            body: await rankSendersFor(dependencies, context, request, request.body),
          }),
        request.body
      )
  );
}
