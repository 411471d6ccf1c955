/**
 * Microsoft Graph error bodies: `{ error: { code, message, innerError: { date, request-id,
 * client-request-id } } }`. Graph's innerError `date` has no `Z`. Codes for message-trace-specific
 * failures are not documented (reference A7: "exact Graph error codes UNCONFIRMED"); the chosen ones
 * are Graph's usual codes for the HTTP status, and clients should key off the status and message.
 */
import { TRANSPORT_DATA_PLATFORM_APP_ID } from './tenant_registry';
import { jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';

export function graphError(
  request: EmulatorRequest,
  nowMs: number,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
): EmulatorResponse {
  return jsonResponse(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': request.requestId,
          'client-request-id': request.clientRequestId,
        },
      },
    },
    headers
  );
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export const graphErrors = {
  invalidToken: (r: EmulatorRequest, now: number, message: string) =>
    graphError(r, now, 401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': WWW_AUTHENTICATE,
    }),
  /** Reference A7: every message trace call fails 401 until the service principal exists. */
  servicePrincipalMissing: (r: EmulatorRequest, now: number, tenantId: string) =>
    graphError(
      r,
      now,
      401,
      'Unauthorized',
      `Service principal-less Authentication failed: the service principal for App ID ${TRANSPORT_DATA_PLATFORM_APP_ID} was not found in tenant '${tenantId}'. Create the service principal (New-MgServicePrincipal -AppId ${TRANSPORT_DATA_PLATFORM_APP_ID}) and retry; provisioning can take several hours.`,
      { 'WWW-Authenticate': WWW_AUTHENTICATE }
    ),
  missingRole: (r: EmulatorRequest, now: number, required: string, roles: readonly string[]) =>
    graphError(
      r,
      now,
      403,
      'Forbidden',
      `Missing role permissions on the request. API requires one of '${required}'. Roles on the request '${roles.join(',')}'.`
    ),
  /** Directory (domains) endpoints answer the classic AAD-backed denial. */
  directoryDenied: (r: EmulatorRequest, now: number) =>
    graphError(
      r,
      now,
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.'
    ),
  badRequest: (r: EmulatorRequest, now: number, message: string) =>
    graphError(r, now, 400, 'BadRequest', message),
  notFound: (r: EmulatorRequest, now: number, message: string) =>
    graphError(r, now, 404, 'NotFound', message),
  noRoute: (r: EmulatorRequest, now: number) =>
    graphError(
      r,
      now,
      400,
      'BadRequest',
      `Resource not found for the segment '${r.url.pathname.split('/').pop() ?? ''}'.`
    ),
  tooManyRequests: (r: EmulatorRequest, now: number, retryAfterSeconds: number) =>
    graphError(
      r,
      now,
      429,
      'TooManyRequests',
      'Too many requests. The message trace API allows 100 requests per 5 minutes per tenant; retry after the interval in the Retry-After header.',
      { 'Retry-After': String(retryAfterSeconds) }
    ),
  serverError: (r: EmulatorRequest, now: number, status: number) =>
    graphError(
      r,
      now,
      status,
      status === 503
        ? 'ServiceUnavailable'
        : status === 504
          ? 'GatewayTimeout'
          : 'InternalServerError',
      status === 503
        ? 'The service is temporarily unavailable. Please retry later.'
        : 'An internal server error occurred.',
      status === 503 ? { 'Retry-After': '10' } : {}
    ),
};
