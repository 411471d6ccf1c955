/**
 * The Graph side of a request, in the order the real service applies its checks: bearer token
 * (401 InvalidAuthenticationToken), injected faults, the Transport Data Platform service principal
 * (401), the ExchangeMessageTrace.Read.All role (403), the tenant's rolling budget (429), then the
 * route itself (400 validation, 404, 200) and finally body-level faults.
 */
import type { TokenIssuer } from './access_tokens';
import { GRAPH_RESOURCE } from './access_tokens';
import type { Clock } from './clock';
import { listDomains } from './domains_route';
import type { ActiveFault, FaultInjector } from './faults';
import { graphErrors } from './graph_errors';
import type { EmulatorRequest, EmulatorResponse } from './http_types';
import { listMessageTraces, type ApiVersion } from './message_traces_route';
import type { RequestKind } from './request_log';
import type { SkipTokenCodec } from './skip_token';
import { MESSAGE_TRACE_PERMISSION, type EmulatedTenant } from './tenant_registry';
import type { RollingWindowThrottle } from './throttle';
import { DETAILS_PATH, getDetailsByRecipient } from './trace_details';

const LIST_PATH = /^\/(v1\.0|beta)\/admin\/exchange\/tracing\/messageTraces\/?$/i;
const DOMAINS_PATH = /^\/(v1\.0|beta)\/domains\/?$/i;
const GRAPH_AUDIENCES = [GRAPH_RESOURCE, '00000003-0000-0000-c000-000000000000'];

export interface Handled {
  response?: EmulatorResponse;
  kind: RequestKind;
  tenantId?: string;
  clientId?: string;
  throttled?: boolean;
  fault?: ActiveFault;
  post?: ActiveFault;
  rows?: number;
  /** Never answer. */
  hang?: boolean;
}

export interface GraphDeps {
  clock: Clock;
  issuer: TokenIssuer;
  tenants: readonly EmulatedTenant[];
  faults: FaultInjector;
  throttle: RollingWindowThrottle | undefined;
  skipTokens: SkipTokenCodec;
  skipTokenTtlMs: number;
  endSkewMs: number;
  /** Real-time delay (network behaviour is real time even on a driven clock). */
  delay: (ms: number) => Promise<void>;
}

export async function handleGraph(request: EmulatorRequest, deps: GraphDeps): Promise<Handled> {
  const nowMs = deps.clock.now();
  const path = request.rawPath;
  const kind: RequestKind = LIST_PATH.test(path)
    ? 'list'
    : DETAILS_PATH.test(path)
      ? 'detail'
      : DOMAINS_PATH.test(path)
        ? 'domains'
        : 'other';
  if (kind === 'other') return { kind, response: graphErrors.noRoute(request, nowMs) };
  const version = (/^\/beta\//i.test(path) ? 'beta' : 'v1.0') as ApiVersion;
  const token = deps.issuer.check(request.headers.authorization, nowMs);
  if (!token.ok) return { kind, response: graphErrors.invalidToken(request, nowMs, token.message) };
  const claims = token.claims;
  const tenant = deps.tenants.find((t) => t.tenantId === claims.tid);
  if (!tenant)
    return {
      kind,
      response: graphErrors.invalidToken(
        request,
        nowMs,
        'Access token validation failure. Invalid issuer.'
      ),
    };
  if (!GRAPH_AUDIENCES.includes(claims.aud))
    return {
      kind,
      response: graphErrors.invalidToken(
        request,
        nowMs,
        'Access token validation failure. Invalid audience.'
      ),
    };
  const base = { kind, tenantId: tenant.tenantId, clientId: claims.appid };
  if (request.method !== 'GET') {
    return {
      ...base,
      response: graphErrors.badRequest(
        request,
        nowMs,
        `The HTTP method '${request.method}' is not supported.`
      ),
    };
  }
  const faultRequest = {
    kind,
    tenantId: tenant.tenantId,
    path: request.url.pathname,
    atMs: nowMs,
  } as const;
  const fault = deps.faults.take(
    ['throttle', 'serverError', 'hang', 'servicePrincipalMissing', 'forbidden'],
    faultRequest
  );
  switch (fault?.spec.kind) {
    case 'hang':
      if (fault.spec.delayMs === undefined) return { ...base, fault, hang: true };
      await deps.delay(fault.spec.delayMs);
      break;
    case 'throttle':
      return {
        ...base,
        fault,
        response: graphErrors.tooManyRequests(request, nowMs, fault.spec.retryAfterSeconds ?? 30),
      };
    case 'serverError':
      return {
        ...base,
        fault,
        response: graphErrors.serverError(request, nowMs, fault.spec.status ?? 503),
      };
    case 'servicePrincipalMissing':
      return {
        ...base,
        fault,
        response: graphErrors.servicePrincipalMissing(request, nowMs, tenant.tenantId),
      };
    case 'forbidden':
      return {
        ...base,
        fault,
        response: graphErrors.missingRole(request, nowMs, MESSAGE_TRACE_PERMISSION, []),
      };
  }
  const roles = claims.roles ?? [];
  const now = deps.clock.now();
  if (kind === 'domains')
    return {
      ...base,
      ...(fault ? { fault } : {}),
      response: listDomains(request, now, tenant, roles, version),
    };
  if (!tenant.transportServicePrincipal)
    return {
      ...base,
      response: graphErrors.servicePrincipalMissing(request, now, tenant.tenantId),
    };
  if (!roles.includes(MESSAGE_TRACE_PERMISSION))
    return {
      ...base,
      response: graphErrors.missingRole(request, now, MESSAGE_TRACE_PERMISSION, roles),
    };
  const admission = deps.throttle?.admit(tenant.tenantId) ?? { admitted: true };
  if (!admission.admitted) {
    return {
      ...base,
      throttled: true,
      response: graphErrors.tooManyRequests(request, now, admission.retryAfterSeconds),
    };
  }
  let response: EmulatorResponse;
  let rows: number | undefined;
  if (kind === 'list') {
    const outcome = listMessageTraces(request, {
      nowMs: now,
      tenant,
      version,
      skipTokens: deps.skipTokens,
      skipTokenTtlMs: deps.skipTokenTtlMs,
      endSkewMs: deps.endSkewMs,
    });
    response = outcome.response;
    rows = outcome.rowCount;
  } else {
    response = getDetailsByRecipient(request, now, tenant);
  }
  const post =
    response.status === 200
      ? deps.faults.take(['truncatedBody', 'malformedJson', 'malformedRows'], faultRequest)
      : undefined;
  return {
    ...base,
    response,
    ...(rows !== undefined ? { rows } : {}),
    ...(fault ? { fault } : {}),
    ...(post ? { post } : {}),
  };
}
