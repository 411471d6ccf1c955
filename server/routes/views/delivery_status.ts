import { API_PRIVILEGES } from '../../../common/constants';
import {
  DELIVERY_STATUS_API_PATH,
  deliveryStatusRequestCodec,
} from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { deliveryStatus } from '../../lib/views/delivery_status';
import type { RouteDependencies } from '../types';
import { answerView } from './view_handler';

export function registerDeliveryStatusRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: DELIVERY_STATUS_API_PATH,
      validate: { body: validateWith(deliveryStatusRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerView(dependencies, context, request, response, async (target, services) =>
        response.ok({ body: await deliveryStatus(target, request.body, services.clock.now()) })
      )
  );
}
