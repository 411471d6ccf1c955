/*
 * Ambient declarations for the subset of `@kbn/security-plugin/server` this plugin uses.
 * The security plugin re-exports these from @kbn/security-plugin-types-server / @kbn/core-security-*.
 */
declare module '@kbn/security-plugin/server' {
  import type { estypes } from '@elastic/elasticsearch';
  import type { KibanaRequest } from '@kbn/core/server';

  // src/core/packages/security/common (AuthenticatedUser / User / UserRealm / AuthenticationProvider)
  // (metadata, api_key, http_authentication_scheme omitted)
  export interface UserRealm {
    name: string;
    type: string;
  }
  export interface AuthenticationProvider {
    type: string;
    name: string;
  }
  export interface AuthenticatedUser {
    username: string;
    email?: string;
    full_name?: string;
    roles: readonly string[];
    enabled: boolean;
    authentication_realm: UserRealm;
    lookup_realm: UserRealm;
    authentication_provider: AuthenticationProvider;
    authentication_type: string;
    elastic_cloud_user: boolean;
    profile_uid?: string;
    operator?: boolean;
  }

  // src/core/packages/security/server/src/authentication/api_keys/api_keys.ts
  export interface CreateRestAPIKeyParams {
    type?: 'rest';
    expiration?: string;
    name: string;
    role_descriptors: Record<string, { [key: string]: any }>;
    metadata?: { [key: string]: any };
  }
  // Kibana: CreateRestAPIKeyParams | CreateRestAPIKeyWithKibanaPrivilegesParams | CreateCrossClusterAPIKeyParams
  // — only the plain REST form is declared.
  export type CreateAPIKeyParams = CreateRestAPIKeyParams;
  export type CreateAPIKeyResult = estypes.SecurityCreateApiKeyResponse;
  export interface GrantAPIKeyResult {
    id: string;
    name: string;
    api_key: string;
  }
  export interface InvalidateAPIKeysParams {
    ids: string[];
  }
  export interface InvalidateAPIKeyResult {
    invalidated_api_keys: string[];
    previously_invalidated_api_keys: string[];
    error_count: number;
    error_details?: Array<{
      type?: string;
      code?: string;
      reason?: string | null;
      caused_by?: {
        type?: string;
        reason?: string | null;
      };
    }>;
  }

  // src/core/packages/security/server/src/authentication/api_keys/api_keys.ts (NativeAPIKeysType subset)
  // (newest grantAsInternalUser has a 3rd `options?: { refresh }` argument — not declared)
  export interface APIKeys {
    areAPIKeysEnabled(): Promise<boolean>;
    create(
      request: KibanaRequest,
      createParams: CreateAPIKeyParams
    ): Promise<CreateAPIKeyResult | null>;
    grantAsInternalUser(
      request: KibanaRequest,
      createParams: CreateRestAPIKeyParams
    ): Promise<GrantAPIKeyResult | null>;
    invalidate(
      request: KibanaRequest,
      params: InvalidateAPIKeysParams
    ): Promise<InvalidateAPIKeyResult | null>;
    invalidateAsInternalUser(
      params: InvalidateAPIKeysParams
    ): Promise<InvalidateAPIKeyResult | null>;
  }

  // x-pack/platform/packages/shared/security/plugin_types_server/src/authentication/authentication_service.ts
  export interface AuthenticationServiceStart {
    apiKeys: APIKeys;
    getCurrentUser: (request: KibanaRequest) => AuthenticatedUser | null;
  }

  // x-pack/platform/packages/shared/security/plugin_types_server/src/plugin.ts
  // (Start also has authz, userProfiles; Setup has license, audit, authz, privilegeDeprecationsService, ... —
  //  Setup is declared empty on purpose because nothing from it is used.)
  export interface SecurityPluginSetup {}
  export interface SecurityPluginStart {
    authc: AuthenticationServiceStart;
  }
}
