import type { KibanaRequest } from '@kbn/core/server';
import type { AuthenticatedUser, SecurityPluginStart } from '@kbn/security-plugin/server';
import type { ApiKeyService } from './api_keys';
import { userOf } from './request_users';
import type { HostUser } from './users';

function authenticatedUser(user: HostUser): AuthenticatedUser {
  const realm = { name: 'default_native', type: 'native' };
  return {
    username: user.username,
    full_name: user.fullName,
    roles: user.superuser ? ['superuser'] : user.grants.map((g) => `${g.feature}_${g.privilege}`),
    enabled: true,
    authentication_realm: realm,
    lookup_realm: realm,
    authentication_provider: { type: 'basic', name: 'basic' },
    authentication_type: 'realm',
    elastic_cloud_user: false,
  };
}

function requestUser(request: KibanaRequest): HostUser {
  const user = userOf(request);
  // Kibana's wording when the request carries no credentials to grant with.
  if (!user)
    throw new Error('Unable to grant an API key, request does not contain an authorization header');
  return user;
}

/**
 * The security plugin's start contract as far as plugins use it: who is asking, and API keys
 * granted on their behalf (kept and enforced by the host's Elasticsearch stand-in).
 */
export function hostSecurityStart(apiKeys: ApiKeyService): SecurityPluginStart {
  return {
    authc: {
      getCurrentUser: (request) => {
        const user = userOf(request);
        return user ? authenticatedUser(user) : null;
      },
      apiKeys: {
        areAPIKeysEnabled: async () => true,
        create: async () => {
          throw new Error('The host grants API keys only with grantAsInternalUser');
        },
        grantAsInternalUser: async (request, params) =>
          apiKeys.grant(requestUser(request).username, params),
        invalidate: async (_request, params) => apiKeys.invalidate(params.ids),
        invalidateAsInternalUser: async (params) => apiKeys.invalidate(params.ids),
      },
    },
  };
}
