/**
 * Emulated Entra ID (login.microsoftonline.com) endpoints used by the client-credentials flow:
 * tenant OpenID configuration, instance discovery, JWKS, and the v2.0 token endpoint with
 * client secret or certificate (client assertion) credentials (reference B1–B4, toolchain §2).
 */
import { GRAPH_RESOURCE, TOKEN_LIFETIME_SECONDS, type TokenIssuer } from './access_tokens';
import { verifyClientAssertion } from './client_assertion';
import { entraErrors, type EntraErrorResponse } from './entra_errors';
import { header, jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';
import type { EmulatedTenant } from './tenant_registry';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Microsoft Graph's resource app id; `…/.default` scopes may name it instead of the URL. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface EntraContext {
  nowMs: number;
  tenants: readonly EmulatedTenant[];
  issuer: TokenIssuer;
  /** A fault that makes any secret look wrong (reports AADSTS7000215). */
  forceInvalidSecret: boolean;
}

const ENTRA_HEADERS = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };

function asResponse(error: EntraErrorResponse, request: EmulatorRequest): EmulatorResponse {
  return jsonResponse(error.status, error.body, {
    ...ENTRA_HEADERS,
    'x-ms-request-id': String(error.body.trace_id),
    'client-request-id': request.clientRequestId,
  });
}

export function openIdConfiguration(origin: string, tenantId: string): Record<string, unknown> {
  const base = `${origin}/${tenantId}`;
  const host = new URL(origin).host;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'tid',
      'ver',
    ],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: host,
    rbac_url: 'https://pas.windows.net',
  };
}

function resolveTenant(
  segment: string,
  context: EntraContext,
  ctx: { nowMs: number; correlationId: string }
) {
  const s = segment.toLowerCase();
  if (s === 'common' || s === 'organizations' || s === 'consumers')
    return { error: entraErrors.noTenant(ctx) };
  if (!GUID.test(s) && !DNS_NAME.test(s))
    return { error: entraErrors.malformedTenant(segment, ctx) };
  const tenant = context.tenants.find((t) => t.answersTo(s));
  return tenant ? { tenant } : { error: entraErrors.tenantNotFound(segment, ctx) };
}

/** Answers Entra paths (`/{tenant}/...`, `/common/discovery/instance`); undefined for others. */
export function handleEntra(
  request: EmulatorRequest,
  context: EntraContext
): EmulatorResponse | undefined {
  const parts = request.url.pathname.split('/').filter(Boolean);
  const ctx = { nowMs: context.nowMs, correlationId: request.clientRequestId };
  if (parts[1] === 'discovery' && parts[2] === 'instance') {
    // Instance discovery (msal without knownAuthorities): this host is its own cloud.
    const host = new URL(request.origin).host;
    return jsonResponse(200, {
      tenant_discovery_endpoint: `${request.origin}/${parts[0]}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  }
  const path = parts.slice(1).join('/');
  const known = [
    'v2.0/.well-known/openid-configuration',
    'oauth2/v2.0/token',
    'discovery/v2.0/keys',
  ];
  if (parts.length < 2 || !known.includes(path)) return undefined;
  const resolved = resolveTenant(parts[0]!, context, ctx);
  if (!resolved.tenant) {
    const error = resolved.error!;
    // The metadata document answers an unknown tenant with `invalid_tenant`, the token endpoint with `invalid_request`.
    if (path !== 'oauth2/v2.0/token') error.body.error = 'invalid_tenant';
    return asResponse(error, request);
  }
  const tenant = resolved.tenant;
  if (path === 'v2.0/.well-known/openid-configuration') {
    return jsonResponse(200, openIdConfiguration(request.origin, tenant.tenantId));
  }
  if (path === 'discovery/v2.0/keys') return jsonResponse(200, context.issuer.jwks());
  if (request.method !== 'POST') {
    return asResponse(entraErrors.unsupportedGrant(request.method, ctx), request);
  }
  return tokenEndpoint(request, context, tenant, parts[0]!, ctx);
}

function tokenEndpoint(
  request: EmulatorRequest,
  context: EntraContext,
  tenant: EmulatedTenant,
  segment: string,
  ctx: { nowMs: number; correlationId: string }
): EmulatorResponse {
  const form = new URLSearchParams(request.body);
  const fail = (error: EntraErrorResponse) => asResponse(error, request);
  // client_secret_basic: "Basic base64(urlencode(id):urlencode(secret))".
  const basic = /^Basic\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
  const [basicId, basicSecret] = basic
    ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent)
    : [];
  const grant = form.get('grant_type');
  if (!grant) return fail(entraErrors.missingParameter('grant_type', ctx));
  if (grant !== 'client_credentials') return fail(entraErrors.unsupportedGrant(grant, ctx));
  const clientId = form.get('client_id') ?? basicId;
  if (!clientId) return fail(entraErrors.missingParameter('client_id', ctx));
  const app = tenant.app(clientId);
  if (!app) return fail(entraErrors.appNotFound(clientId, segment, ctx));
  const scope = form.get('scope');
  if (!scope) return fail(entraErrors.missingParameter('scope', ctx));
  const scopes = scope.split(' ').filter(Boolean);
  const nonDefault = scopes.find((s) => !s.endsWith('/.default'));
  if (nonDefault) return fail(entraErrors.invalidScope(nonDefault, ctx));
  const resource = scopes[0]!.slice(0, -'/.default'.length).replace(/\/$/, '');
  const graphResources = [GRAPH_RESOURCE, GRAPH_APP_ID, request.origin];
  if (!graphResources.includes(resource))
    return fail(entraErrors.unknownResource(resource, tenant.tenantId, ctx));

  const secret = form.get('client_secret') ?? basicSecret;
  const assertion = form.get('client_assertion');
  if (secret !== undefined && secret !== null) {
    const match = app.secrets.find((s) => s.value === secret);
    if (!match || context.forceInvalidSecret)
      return fail(entraErrors.invalidClientSecret(app.clientId, ctx));
    if (match.expiresAt !== undefined && match.expiresAt <= context.nowMs) {
      return fail(entraErrors.expiredClientSecret(app.clientId, ctx));
    }
  } else if (assertion) {
    if (form.get('client_assertion_type') !== JWT_BEARER)
      return fail(entraErrors.badAssertionType(ctx));
    const origins = [request.origin, 'https://login.microsoftonline.com'];
    const segments = [tenant.tenantId, ...tenant.domains.map((d) => d.id)];
    const audiences = origins.flatMap((o) =>
      segments.flatMap((s) => [`${o}/${s}/oauth2/v2.0/token`, `${o}/${s}/oauth2/token`])
    );
    const error = verifyClientAssertion({
      assertion,
      clientId: app.clientId,
      certificates: app.certificates,
      audiences: audiences.map((a) => a.toLowerCase()),
      nowMs: context.nowMs,
      correlationId: ctx.correlationId,
    });
    if (error) return fail(error);
  } else {
    return fail(entraErrors.missingCredential(ctx));
  }

  const accessToken = context.issuer.issue({
    tenantId: tenant.tenantId,
    clientId: app.clientId,
    appName: app.displayName,
    roles: [...app.grantedPermissions],
    nowMs: context.nowMs,
    resource: resource === request.origin ? GRAPH_RESOURCE : resource,
  });
  return jsonResponse(
    200,
    {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    },
    { ...ENTRA_HEADERS, 'client-request-id': request.clientRequestId }
  );
}
