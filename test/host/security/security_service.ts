import type { Client } from '@elastic/elasticsearch';
import type {
  KibanaRequest,
  APIKeys,
  CreateRestAPIKeyParams,
  GrantAPIKeyResult,
  InvalidateAPIKeysParams,
} from '@kbn/core/server';
import { authenticationOf } from './request_authentication';

/**
 * Kibana's API keys service over Elasticsearch's API: granted by Kibana's internal user from the
 * caller's own credentials, invalidated with the real API. Read in elastic/kibana:
 * x-pack/platform/plugins/shared/security/server/authentication/api_keys/api_keys.ts @ 5b457a10
 * (`grantAsInternalUser`, `getGrantParams`, `areAPIKeysEnabled`) and
 * src/core/packages/security/server/src/authentication/http_authentication/
 * http_authorization_header.ts @ 99eb2a35 (`parseFromRequest` reads `request.headers.authorization`;
 * a session's credentials are in it, as Kibana's http server adds the auth headers to the request).
 */
export function hostApiKeys(internal: Client): APIKeys {
  return {
    async areAPIKeysEnabled() {
      try {
        await internal.security.invalidateApiKey({ ids: ['kibana-api-key-service-test'] });
        return true;
      } catch (error) {
        const body = (error as { meta?: { body?: { error?: Record<string, unknown> } } }).meta
          ?.body;
        if (body?.error?.['disabled.feature'] === 'api_keys') return false;
        throw error;
      }
    },
    async create() {
      throw new Error('Not used by the plugins this host runs; grant with grantAsInternalUser');
    },
    async grantAsInternalUser(request: KibanaRequest, params: CreateRestAPIKeyParams) {
      const header = request.headers.authorization;
      if (!header || typeof header !== 'string') {
        throw new Error(
          'Unable to grant an API Key, request does not contain an authorization header'
        );
      }
      const [scheme = ''] = header.split(/\s+/);
      const credentials = header.substring(scheme.length + 1);
      const apiKey = { ...params };
      let grant;
      if (scheme.toLowerCase() === 'bearer') {
        grant = { grant_type: 'access_token' as const, access_token: credentials };
      } else if (scheme.toLowerCase() === 'basic') {
        const decoded = Buffer.from(credentials, 'base64').toString();
        const colon = decoded.indexOf(':');
        grant = {
          grant_type: 'password' as const,
          username: decoded.slice(0, colon),
          password: decoded.slice(colon + 1),
        };
      } else {
        throw new Error(`Unsupported scheme "${scheme}" for granting API Key`);
      }
      const granted = await internal.security.grantApiKey({ api_key: apiKey, ...grant });
      return { id: granted.id, name: granted.name, api_key: granted.api_key } as GrantAPIKeyResult;
    },
    async invalidate(request: KibanaRequest, params: InvalidateAPIKeysParams) {
      const authorization = authenticationOf(request)?.authorization;
      return internal.security.invalidateApiKey(
        { ids: params.ids },
        { headers: authorization ? { authorization } : {} }
      );
    },
    async invalidateAsInternalUser(params: InvalidateAPIKeysParams) {
      return internal.security.invalidateApiKey({ ids: params.ids });
    },
  };
}

/** `security.authc` of Core's start contract (src/core/packages/security/server/src/authc.ts @ 0f373606). */
export function hostAuthc(internal: Client) {
  return {
    getCurrentUser: (request: KibanaRequest) => authenticationOf(request)?.user ?? null,
    apiKeys: hostApiKeys(internal),
  };
}
