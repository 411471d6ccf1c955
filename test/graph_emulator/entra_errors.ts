/**
 * Entra ID (AAD STS) error bodies, shaped like the real token endpoint's: OAuth `error`, an
 * `error_description` starting `AADSTSnnnn:` and ending with Trace ID / Correlation ID /
 * Timestamp lines, plus `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`.
 * Messages follow Microsoft's published AADSTS texts (reference B3).
 */
import { randomUUID } from 'node:crypto';

export interface EntraErrorResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Entra's timestamp style: `2026-01-21 14:12:34Z`. */
export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function entraError(
  status: number,
  error: string,
  code: number,
  message: string,
  context: { nowMs: number; correlationId?: string }
): EntraErrorResponse {
  const traceId = randomUUID();
  const correlationId = context.correlationId ?? randomUUID();
  const timestamp = entraTimestamp(context.nowMs);
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

type Ctx = { nowMs: number; correlationId?: string };

export const entraErrors = {
  invalidClientSecret: (clientId: string, ctx: Ctx) =>
    entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      ctx
    ),
  expiredClientSecret: (clientId: string, ctx: Ctx) =>
    entraError(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      ctx
    ),
  appNotFound: (clientId: string, tenant: string, ctx: Ctx) =>
    entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      ctx
    ),
  tenantNotFound: (tenant: string, ctx: Ctx) =>
    entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      ctx
    ),
  malformedTenant: (tenant: string, ctx: Ctx) =>
    entraError(
      400,
      'invalid_request',
      900023,
      `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
      ctx
    ),
  noTenant: (ctx: Ctx) =>
    entraError(
      400,
      'invalid_request',
      50059,
      'No tenant-identifying information found in either the request or implied by any provided credentials.',
      ctx
    ),
  missingParameter: (name: string, ctx: Ctx) =>
    entraError(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
      ctx
    ),
  missingCredential: (ctx: Ctx) =>
    entraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ctx
    ),
  unsupportedGrant: (grant: string, ctx: Ctx) =>
    entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant}'.`,
      ctx
    ),
  invalidScope: (scope: string, ctx: Ctx) =>
    entraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      ctx
    ),
  unknownResource: (resource: string, tenant: string, ctx: Ctx) =>
    entraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      ctx
    ),
  badAssertionType: (ctx: Ctx) =>
    entraError(
      400,
      'invalid_request',
      90014,
      "The required field 'client_assertion_type' is missing from the credential. Ensure that you have all the necessary parameters for the login request.",
      ctx
    ),
  temporarilyUnavailable: (status: number, ctx: Ctx) =>
    entraError(
      status,
      'temporarily_unavailable',
      90033,
      'A transient error has occurred. Please try again.',
      ctx
    ),
};
