import { Client } from '@elastic/elasticsearch';
import type { IClusterClient, IScopedClusterClient, ScopeableRequest } from '@kbn/core/server';
import { userOf } from '../security/request_users';

/**
 * A real client for the real node. The test cluster has no security, so a scoped client is the same
 * connection labelled with the user; issue 8 makes the host enforce privileges on scoped clients.
 */
export class ElasticsearchService {
  readonly client: Client;

  constructor(url: string) {
    this.client = new Client({ node: url, requestTimeout: 60_000 });
  }

  clusterClient(): IClusterClient {
    const asInternalUser = this.client.child({ headers: { 'x-opaque-id': 'kibana' } });
    return {
      asInternalUser,
      asScoped: (request: ScopeableRequest): IScopedClusterClient => {
        const username = userOf(request)?.username ?? 'fake-request';
        return {
          asInternalUser,
          asCurrentUser: this.client.child({ headers: { 'x-opaque-id': `kibana:${username}` } }),
          asSecondaryAuthUser: asInternalUser,
        } as IScopedClusterClient;
      },
    } as IClusterClient;
  }

  async close() {
    await this.client.close();
  }
}
