import { API_PRIVILEGES } from '../../../common/constants';
import {
  SUSPICIOUS_SENDERS_API_PATH,
  suspiciousSendersRequestCodec,
} from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { suspiciousSenders } from '../../lib/views/suspicious_senders';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { abortSignalOf } from '../request_signal';
import { localDomainsOf, viewTargetOf } from './view_handler';

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
        async () => {
          const signal = abortSignalOf(request);
          const services = await dependencies.getServices();
          const [target, localDomains, knownSenders] = await Promise.all([
            viewTargetOf(context, signal, services, request.body),
            localDomainsOf(services, request, request.body),
            services.knownSenders.list(request),
          ]);
          const body = await suspiciousSenders(target, request.body, {
            localDomains,
            knownGood: new Map(knownSenders.map((known) => [known.sender, known])),
          });
          return response.ok({ body });
        },
        request.body
      )
  );
}
