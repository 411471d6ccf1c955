/**
 * One HTTP(S) server that plays both hosts the collector talks to: Entra ID
 * (`/{tenant}/oauth2/v2.0/token`, metadata) and Microsoft Graph (`/v1.0|beta/...`), plus a small
 * control API under `/_emulator/`. See README-style notes in each route file for the reference
 * facts they follow.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { GRAPH_RESOURCE, TokenIssuer } from './access_tokens';
import { createSelfSignedCertificate } from './certificate';
import { systemClock, type Clock } from './clock';
import { handleControl } from './control_api';
import { demoTenantSpec } from './demo_tenant';
import { entraErrors } from './entra_errors';
import { handleEntra, openIdConfiguration } from './entra_routes';
import { FaultInjector, type ActiveFault } from './faults';
import { graphErrors } from './graph_errors';
import type { EmulatorRequest, EmulatorResponse } from './http_types';
import { listDomains } from './domains_route';
import { listMessageTraces, type ApiVersion } from './message_traces_route';
import { RequestLog, type RequestKind } from './request_log';
import { SkipTokenCodec } from './skip_token';
import { EmulatedTenant, MESSAGE_TRACE_PERMISSION, type TenantSpec } from './tenant_registry';
import { MESSAGE_TRACE_THROTTLE, RollingWindowThrottle, type ThrottleOptions } from './throttle';
import { DETAILS_PATH, getDetailsByRecipient } from './trace_details';
import { truthObservations, type TruthObservation } from './trace_record';

export interface GraphEmulatorOptions {
  /** HTTPS with a fresh self-signed certificate (default true). */
  tls?: boolean;
  port?: number;
  host?: string;
  clock?: Clock;
  /** Default: 100 requests / 5 minutes / tenant. `false` disables it (benchmarks). */
  throttle?: ThrottleOptions | false;
  /** Default: the demo tenant. */
  tenants?: TenantSpec[];
  faultSeed?: number;
  /** How long a `$skiptoken` stays valid (Microsoft does not document it). Default 1 hour. */
  skipTokenTtlMs?: number;
  /** Tolerated end bound ahead of now (default 60 s). */
  endSkewMs?: number;
}

const LIST_PATH = /^\/(v1\.0|beta)\/admin\/exchange\/tracing\/messageTraces\/?$/i;
const DOMAINS_PATH = /^\/(v1\.0|beta)\/domains\/?$/i;
const GRAPH_AUDIENCES = [GRAPH_RESOURCE, '00000003-0000-0000-c000-000000000000'];

interface Handled {
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

export class GraphEmulator {
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly requests = new RequestLog();
  readonly throttle: RollingWindowThrottle | undefined;
  readonly caCertificatePem: string | undefined;
  readonly graphUrl: string;
  readonly loginUrl: string;
  readonly port: number;
  private readonly tenantList: EmulatedTenant[] = [];
  private readonly issuer = new TokenIssuer();
  private readonly skipTokens = new SkipTokenCodec();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: http.Server | https.Server,
    readonly options: GraphEmulatorOptions,
    ca: string | undefined
  ) {
    this.clock = options.clock ?? systemClock;
    this.faults = new FaultInjector(options.faultSeed ?? 1);
    this.throttle =
      options.throttle === false
        ? undefined
        : new RollingWindowThrottle(this.clock, options.throttle ?? MESSAGE_TRACE_THROTTLE);
    this.caCertificatePem = ca;
    this.port = (server.address() as { port: number }).port;
    const origin = `${ca ? 'https' : 'http'}://127.0.0.1:${this.port}`;
    this.graphUrl = origin;
    this.loginUrl = origin;
    for (const spec of options.tenants ?? [demoTenantSpec()]) this.addTenant(spec);
    server.on(
      'request',
      (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res)
    );
    server.on(ca ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
    const tls = options.tls ?? true;
    const certificate = tls
      ? createSelfSignedCertificate({
          commonName: '127.0.0.1',
          dnsNames: ['localhost'],
          ipAddresses: ['127.0.0.1'],
          validDays: 30,
        })
      : undefined;
    const server = certificate
      ? https.createServer({ key: certificate.privateKeyPem, cert: certificate.certificatePem })
      : http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    return new GraphEmulator(server, options, certificate?.certificatePem);
  }

  get tenants(): readonly EmulatedTenant[] {
    return this.tenantList;
  }

  addTenant(spec: TenantSpec): EmulatedTenant {
    const tenant = new EmulatedTenant(spec, this.clock.now());
    this.tenantList.push(tenant);
    return tenant;
  }

  /** A tenant by GUID or verified domain. */
  tenant(idOrDomain: string): EmulatedTenant {
    const tenant = this.tenantList.find((t) => t.answersTo(idOrDomain));
    if (!tenant) throw new Error(`unknown tenant ${idOrDomain}`);
    return tenant;
  }

  /** `host:port`, for msal's `knownAuthorities`. */
  get knownAuthority(): string {
    return new URL(this.loginUrl).host;
  }

  authority(tenantId: string): string {
    return `${this.loginUrl}/${tenantId}`;
  }

  /** msal `authorityMetadata`: the tenant's OpenID configuration, so msal looks nothing up. */
  authorityMetadata(tenantId: string): string {
    return JSON.stringify(openIdConfiguration(this.loginUrl, this.tenant(tenantId).tenantId));
  }

  truthObservations(
    tenantId: string,
    window: { start: number; end: number; at: number }
  ): TruthObservation[] {
    return truthObservations(this.tenant(tenantId).source, window);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const atMs = this.clock.now();
    const scheme = this.caCertificatePem ? 'https' : 'http';
    const origin = `${scheme}://${req.headers.host ?? `127.0.0.1:${this.port}`}`;
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, origin);
    const clientRequestId = String(
      req.headers['client-request-id'] ?? url.searchParams.get('client-request-id') ?? randomUUID()
    );
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      url,
      rawPath: rawUrl.split('?')[0]!,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      origin,
      requestId: randomUUID(),
      clientRequestId,
    };
    let handled: Handled;
    try {
      handled = await this.route(request);
    } catch (error) {
      handled = {
        kind: 'other',
        response: graphErrors.serverError(request, this.clock.now(), 500),
      };
      console.error('graph emulator: unhandled error', error);
    }
    const log = (status: number) =>
      this.requests.add({
        atMs,
        method: request.method,
        path: rawUrl,
        kind: handled.kind,
        status,
        throttled: handled.throttled ?? false,
        ...(handled.tenantId ? { tenantId: handled.tenantId } : {}),
        ...(handled.clientId ? { clientId: handled.clientId } : {}),
        ...((handled.post ?? handled.fault)
          ? { fault: (handled.post ?? handled.fault)!.spec.kind }
          : {}),
        ...(handled.rows !== undefined ? { rows: handled.rows } : {}),
      });
    if (handled.hang || !handled.response) {
      log(0); // accepted, never answered; the socket is destroyed by stop()
      return;
    }
    log(handled.response.status);
    this.write(res, request, handled.response, handled.post);
  }

  private write(
    res: ServerResponse,
    request: EmulatorRequest,
    response: EmulatorResponse,
    post: ActiveFault | undefined
  ): void {
    const json = response.json as { value?: unknown } | undefined;
    if (post?.spec.kind === 'malformedRows' && json && Array.isArray(json.value)) {
      this.faults.breakRows(post, json.value as Array<Record<string, unknown>>, {
        atMs: this.clock.now(),
        path: request.url.pathname + request.url.search,
      });
    }
    let text = response.text ?? JSON.stringify(response.json);
    if (post?.spec.kind === 'malformedJson')
      text = text.replace('"value":[', '"value":[{"id":"8f1c" "status":},');
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'request-id': request.requestId,
      'client-request-id': request.clientRequestId,
      ...response.headers,
    };
    const body = Buffer.from(text, 'utf8');
    if (post?.spec.kind === 'truncatedBody') {
      const half = body.subarray(0, Math.floor(body.length / 2));
      if (post.spec.abortConnection) {
        res.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
        res.write(half, () => res.socket?.destroy());
        return;
      }
      res.writeHead(response.status, { ...headers, 'Content-Length': String(half.length) });
      res.end(half);
      return;
    }
    res.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
    res.end(body);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async route(request: EmulatorRequest): Promise<Handled> {
    const path = request.url.pathname;
    if (path.startsWith('/_emulator/') || path === '/_emulator') {
      return { kind: 'control', response: handleControl(request, this) };
    }
    if (/^\/(v1\.0|beta)\//i.test(path)) return this.graph(request);
    const nowMs = this.clock.now();
    const isToken = /\/oauth2\/v2\.0\/token$/.test(path);
    let fault: ActiveFault | undefined;
    if (isToken) {
      fault = this.faults.take(['throttle', 'serverError', 'hang'], {
        kind: 'token',
        path,
        atMs: nowMs,
      });
      if (fault?.spec.kind === 'hang') {
        if (fault.spec.delayMs === undefined) return { kind: 'token', hang: true, fault };
        await this.delay(fault.spec.delayMs);
      } else if (fault?.spec.kind === 'throttle') {
        const retry = String(fault.spec.retryAfterSeconds ?? 5);
        const error = entraErrors.temporarilyUnavailable(429, {
          nowMs,
          correlationId: request.clientRequestId,
        });
        return {
          kind: 'token',
          fault,
          response: { status: 429, json: error.body, headers: { 'Retry-After': retry } },
        };
      } else if (fault?.spec.kind === 'serverError') {
        const error = entraErrors.temporarilyUnavailable(fault.spec.status ?? 503, {
          nowMs,
          correlationId: request.clientRequestId,
        });
        return { kind: 'token', fault, response: { status: error.status, json: error.body } };
      }
    }
    const secretFault = isToken
      ? this.faults.take(['invalidClientSecret'], { kind: 'token', path, atMs: nowMs })
      : undefined;
    const response = handleEntra(request, {
      nowMs,
      tenants: this.tenantList,
      issuer: this.issuer,
      forceInvalidSecret: Boolean(secretFault),
    });
    if (!response)
      return {
        kind: 'other',
        response: {
          status: 404,
          json: { error: 'not_found', error_description: `No route for ${path}` },
        },
      };
    const form = isToken ? new URLSearchParams(request.body) : undefined;
    const tenantSegment = path.split('/')[1] ?? '';
    const tenant = this.tenantList.find((t) => t.answersTo(tenantSegment));
    return {
      kind: isToken ? 'token' : 'metadata',
      response,
      ...(tenant ? { tenantId: tenant.tenantId } : {}),
      ...(form?.get('client_id') ? { clientId: form.get('client_id')! } : {}),
      ...((secretFault ?? fault) ? { fault: secretFault ?? fault } : {}),
    };
  }

  private async graph(request: EmulatorRequest): Promise<Handled> {
    const nowMs = this.clock.now();
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
    const token = this.issuer.check(request.headers.authorization, nowMs);
    if (!token.ok)
      return { kind, response: graphErrors.invalidToken(request, nowMs, token.message) };
    const claims = token.claims;
    const tenant = this.tenantList.find((t) => t.tenantId === claims.tid);
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
    const fault = this.faults.take(
      ['throttle', 'serverError', 'hang', 'servicePrincipalMissing', 'forbidden'],
      faultRequest
    );
    switch (fault?.spec.kind) {
      case 'hang':
        if (fault.spec.delayMs === undefined) return { ...base, fault, hang: true };
        await this.delay(fault.spec.delayMs);
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
    const now = this.clock.now();
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
    const admission = this.throttle?.admit(tenant.tenantId) ?? { admitted: true };
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
        skipTokens: this.skipTokens,
        skipTokenTtlMs: this.options.skipTokenTtlMs ?? 3_600_000,
        endSkewMs: this.options.endSkewMs ?? 60_000,
      });
      response = outcome.response;
      rows = outcome.rowCount;
    } else {
      response = getDetailsByRecipient(request, now, tenant);
    }
    const post =
      response.status === 200
        ? this.faults.take(['truncatedBody', 'malformedJson', 'malformedRows'], faultRequest)
        : undefined;
    return {
      ...base,
      response,
      ...(rows !== undefined ? { rows } : {}),
      ...(fault ? { fault } : {}),
      ...(post ? { post } : {}),
    };
  }
}
