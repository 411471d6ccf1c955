import { API_PRIVILEGES, STATUS_API_PATH } from '../../common/constants';
import type { StatusResponse } from '../../common/http_api/status';
import { detectFleetPackage } from '../lib/data_stream/fleet_package';
import { answerWith } from './error_response';
import type { RouteDependencies } from './types';

export function registerStatusRoute({
  router,
  kibanaVersion,
  dataset,
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
        const internal = elasticsearch.client.asInternalUser;
        const nodes = await internal.nodes.info({
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
          // Also as Kibana's own user: templates need manage_index_templates, which users lack.
          fleetPackage: await detectFleetPackage(internal, dataset),
          ...(reason ? { notReadyReason: reason } : {}),
        };
        return response.ok({ body });
      })
  );
}
