import { API_PRIVILEGES } from '../../../common/constants';
import {
  DELIVERY_STATUS_API_PATH,
  deliveryStatusRequestCodec,
} from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { deliveryStatus } from '../../lib/views/delivery_status';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { abortSignalOf } from '../request_signal';
import { viewTargetOf } from './view_handler';

export function registerDeliveryStatusRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: DELIVERY_STATUS_API_PATH,
      validate: { body: validateWith(deliveryStatusRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerWith(
        response,
        async () => {
          const signal = abortSignalOf(request);
          const services = await dependencies.getServices();
          const target = await viewTargetOf(context, signal, services, request.body);
          const body = await deliveryStatus(target, request.body, services.clock.now());
          return response.ok({ body });
        },
        request.body
      )
  );
}
