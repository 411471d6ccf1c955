import { API_PRIVILEGES, STATUS_API_PATH } from '../../common/constants';
import type { StatusResponse } from '../../common/http_api/status';
import { answerWith } from './error_response';
import type { RouteDependencies } from './types';

export function registerStatusRoute({
  router,
  kibanaVersion,
  notReadyReason,
  canEncrypt,
}: RouteDependencies) {
  router.get(
    {
      path: STATUS_API_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, _request, response) =>
      answerWith(response, async () => {
        const { elasticsearch } = await context.core;
        // As Kibana's own user: nodes info needs the `monitor` cluster privilege, which viewers
        // do not have. Nodes info rather than `GET /`, an optional module (rest-root).
        const nodes = await elasticsearch.client.asInternalUser.nodes.info({
          node_id: '_local',
          filter_path: ['cluster_name', 'nodes.*.version'],
        });
        const reason = notReadyReason();
        const body: StatusResponse = {
          kibanaVersion,
          elasticsearch: {
            clusterName: nodes.cluster_name,
            version: Object.values(nodes.nodes)[0]?.version ?? 'unknown',
          },
          canEncrypt: canEncrypt(),
          ...(reason ? { notReadyReason: reason } : {}),
        };
        return response.ok({ body });
      })
  );
}
