import { Client } from '@elastic/elasticsearch';
import type { IClusterClient, IScopedClusterClient, ScopeableRequest } from '@kbn/core/server';
import { basicAuthorization, BOOTSTRAP_ACCOUNTS, nodeOf } from './credentials';
import { MINUTE_MS } from '../../../common/time';

/**
 * Kibana's `elasticsearch.requestHeadersWhitelist` default: the headers a scoped client forwards
 * from the request (src/core/packages/elasticsearch/client-server-internal/src/cluster_client.ts
 * @ 230e3d80, `getScopedHeaders`; elasticsearch_config.ts).
 */
const REQUEST_HEADERS_WHITELIST = ['authorization', 'es-client-authentication'];

function scopedHeaders(request: ScopeableRequest): Record<string, string> {
  const headers = request.headers as Record<string, string | string[] | undefined>;
  return Object.fromEntries(
    REQUEST_HEADERS_WHITELIST.flatMap((name) => {
      const value = headers[name];
      return typeof value === 'string' ? [[name, value]] : [];
    })
  );
}

/**
 * Kibana's Elasticsearch service against the secured node: the internal user is a `kibana_system`
 * user, and a scoped client sends the caller's own credentials, so Elasticsearch itself decides
 * what every user, API key and Kibana may do.
 */
export class ElasticsearchService {
  /** Kibana's own user (the reserved `kibana_system` role): the host's indices, templates, keys. */
  readonly internalClient: Client;
  /** No credentials: each request through it carries its caller's. */
  readonly anonymousClient: Client;

  constructor(esUrl: string) {
    const node = nodeOf(esUrl);
    this.internalClient = new Client({
      node,
      requestTimeout: MINUTE_MS,
      headers: {
        authorization: basicAuthorization(BOOTSTRAP_ACCOUNTS.kibanaSystem),
        'x-opaque-id': 'kibana',
      },
    });
    this.anonymousClient = new Client({ node, requestTimeout: MINUTE_MS });
  }

  /** A client that acts with `authorization` (a user's, an API key's). */
  asCaller(authorization: string): Client {
    return this.anonymousClient.child({ headers: { authorization } });
  }

  clusterClient(): IClusterClient {
    const asInternalUser = this.internalClient;
    return {
      asInternalUser,
      asScoped: (request: ScopeableRequest): IScopedClusterClient => {
        const headers = scopedHeaders(request);
        return {
          asInternalUser,
          asCurrentUser: this.anonymousClient.child({ headers }),
          // Kibana's internal user acting with the caller as secondary authorization.
          asSecondaryAuthUser: asInternalUser.child({
            headers: headers.authorization
              ? { 'es-secondary-authorization': headers.authorization }
              : {},
          }),
        } as IScopedClusterClient;
      },
    } as IClusterClient;
  }

  async close() {
    await Promise.all([this.internalClient.close(), this.anonymousClient.close()]);
  }
}
