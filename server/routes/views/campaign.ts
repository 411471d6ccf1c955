import { API_PRIVILEGES } from '../../../common/constants';
import { CAMPAIGN_API_PATH, campaignRequestCodec } from '../../../common/http_api/campaign';
import { validateWith } from '../../lib/route_validation';
import { campaign } from '../../lib/views/campaign';
import type { RouteDependencies } from '../types';
import { answerView } from './view_handler';

export function registerCampaignRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: CAMPAIGN_API_PATH,
      validate: { body: validateWith(campaignRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerView(dependencies, context, request, response, async (target) =>
        response.ok({ body: await campaign(target, request.body) })
      )
  );
}
