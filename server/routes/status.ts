import { API_PRIVILEGES, STATUS_API_PATH } from '../../common/constants';
import type { StatusResponse } from '../../common/http_api/status';
import type { RouteDependencies } from './types';

export function registerStatusRoute({ router, kibanaVersion }: RouteDependencies) {
  router.get(
    {
      path: STATUS_API_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, _request, response) => {
      const { elasticsearch } = await context.core;
      // Nodes info rather than `GET /`: the root endpoint is an optional module (rest-root).
      const nodes = await elasticsearch.client.asCurrentUser.nodes.info({
        node_id: '_local',
        filter_path: ['cluster_name', 'nodes.*.version'],
      });
      const body: StatusResponse = {
        kibanaVersion,
        elasticsearch: {
          clusterName: nodes.cluster_name,
          version: Object.values(nodes.nodes)[0]?.version ?? 'unknown',
        },
      };
      return response.ok({ body });
    }
  );
}
