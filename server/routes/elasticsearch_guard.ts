import type { OnPreAuthHandler } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../common/constants';
import {
  elasticsearchUnreachableMessage,
  type ElasticsearchReachability,
} from '../services/elasticsearch_reachability';

/**
 * Answers our API at once with 503 and the reason while Elasticsearch cannot be reached. It runs
 * before authentication, which asks Elasticsearch first: that request would hold the caller for
 * the client's retries (about 7 s) and then be answered 401, as Kibana's security plugin answers
 * an authentication that failed without an HTTP status
 * (x-pack/platform/plugins/shared/security/server/authentication/authentication_service.ts
 * @ 01964e12, registerAuth; errors.ts @ 2d2a8a17, getErrorStatusCode). Other plugins' requests
 * pass untouched, and ours pass whenever Elasticsearch answers anything.
 */
export function elasticsearchGuard(
  reachability: () => ElasticsearchReachability | undefined
): OnPreAuthHandler {
  return async (request, response, toolkit) => {
    const probe = reachability();
    if (!probe || !request.route.path.startsWith(`${INTERNAL_API_BASE}/`)) return toolkit.next();
    const result = await probe.probe();
    if (result.answered) return toolkit.next();
    return response.customError({
      statusCode: 503,
      body: { message: elasticsearchUnreachableMessage(result.reason) },
    });
  };
}
