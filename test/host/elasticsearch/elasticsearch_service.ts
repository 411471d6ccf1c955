import { Client, type TransportRequestParams } from '@elastic/elasticsearch';
import type { IClusterClient, IScopedClusterClient, ScopeableRequest } from '@kbn/core/server';
import { ApiKeyAuthenticationError, type ApiKeyService } from '../security/api_keys';
import {
  enforcingTransport,
  unauthenticated,
  type AccessPolicy,
} from '../security/enforcing_transport';
import {
  isClusterPrivilegeGranted,
  isIndexAccessGranted,
  type IndexAccess,
  type RoleDescriptor,
} from '../security/index_privileges';
import { userOf } from '../security/request_users';

const WRITE_ACCESS: ReadonlySet<IndexAccess> = new Set([
  'create_doc',
  'index',
  'delete',
  'auto_configure',
]);

/**
 * Elasticsearch's reserved kibana_system role where it matters to plugins: it manages templates
 * and its own indices, but may not write to `logs-*` data streams.
 */
const kibanaSystemPolicy: AccessPolicy = {
  subject: 'user [kibana_system] with effective roles [kibana_system]',
  allowsIndex: (index, access) => !(index.startsWith('logs-') && WRITE_ACCESS.has(access)),
  allowsCluster: () => true,
};

function headerOf(request: ScopeableRequest, name: string): string | undefined {
  const value = (request.headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface ElasticsearchServiceOptions {
  /** A secured cluster: API keys are checked and enforced, kibana_system's limits apply. */
  apiKeys?: ApiKeyService;
}

/**
 * A real client for the real node. The test cluster runs without security, so with `apiKeys` the
 * host enforces what a secured cluster would: the internal user's limits, and on clients scoped to
 * an `ApiKey` authorization their key's validity and role descriptors. Users' own requests are
 * not restricted (the host has no Elasticsearch roles for them).
 */
export class ElasticsearchService {
  private readonly restricted: Client[] = [];
  private readonly apiKeyClients = new Map<string, Client>();

  /** `client` is the host's own, unrestricted: saved objects, tasks, API keys. */
  constructor(
    private readonly url: string,
    readonly client: Client,
    private readonly options: ElasticsearchServiceOptions = {}
  ) {}

  clusterClient(): IClusterClient {
    const asInternalUser = this.options.apiKeys
      ? this.enforcedClient(kibanaSystemPolicy, { 'x-opaque-id': 'kibana' })
      : this.client.child({ headers: { 'x-opaque-id': 'kibana' } });
    return {
      asInternalUser,
      asScoped: (request: ScopeableRequest): IScopedClusterClient => {
        const authorization = headerOf(request, 'authorization');
        const apiKey = authorization?.startsWith('ApiKey ') ? authorization.slice(7) : undefined;
        const username = userOf(request)?.username ?? 'fake-request';
        const asCurrentUser =
          apiKey && this.options.apiKeys
            ? this.apiKeyClient(apiKey, this.options.apiKeys)
            : this.client.child({ headers: { 'x-opaque-id': `kibana:${username}` } });
        return {
          asInternalUser,
          asCurrentUser,
          asSecondaryAuthUser: asInternalUser,
        } as IScopedClusterClient;
      },
    } as IClusterClient;
  }

  private enforcedClient(policy: AccessPolicy, headers: Record<string, string>): Client {
    const exists = async (index: string) => this.client.indices.exists({ index });
    const client = new Client({
      node: this.url,
      requestTimeout: 60_000,
      headers,
      Transport: enforcingTransport(policy, exists),
    });
    this.restricted.push(client);
    return client;
  }

  private apiKeyClient(encoded: string, apiKeys: ApiKeyService): Client {
    const cached = this.apiKeyClients.get(encoded);
    if (cached) return cached;
    let descriptors: RoleDescriptor[] = [];
    let subject = 'API key';
    const policy: AccessPolicy = {
      get subject() {
        return subject;
      },
      authenticate: async () => {
        try {
          const record = await apiKeys.authenticate(encoded);
          descriptors = Object.values(record.roleDescriptors);
          subject = `API key id [${record.id}] of user [${record.owner}]`;
        } catch (error) {
          if (!(error instanceof ApiKeyAuthenticationError)) throw error;
          throw unauthenticated(
            { method: 'GET', path: '/' } as TransportRequestParams,
            error.message
          );
        }
      },
      allowsIndex: (index, access) => isIndexAccessGranted(descriptors, index, access),
      allowsCluster: () => isClusterPrivilegeGranted(descriptors, 'all'),
    };
    const client = this.enforcedClient(policy, { 'x-opaque-id': 'kibana:api-key' });
    this.apiKeyClients.set(encoded, client);
    return client;
  }

  async close() {
    await Promise.all([this.client, ...this.restricted].map((client) => client.close()));
  }
}
