/**
 * One HTTP(S) server that plays both hosts the collector talks to: Entra ID
 * (`/{tenant}/oauth2/v2.0/token`, metadata) and Microsoft Graph (`/v1.0|beta/...`), plus a small
 * control API under `/_emulator/`. Each route file names the reference facts it follows.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { TokenIssuer } from './access_tokens';
import { createSelfSignedCertificate } from './certificate';
import { systemClock, type Clock } from './clock';
import { handleControl } from './control_api';
import { demoTenantSpec } from './demo_tenant';
import { entraErrors } from './entra_errors';
import { handleEntra, openIdConfiguration } from './entra_routes';
import { FaultInjector, type ActiveFault } from './faults';
import { graphErrors } from './graph_errors';
import type { EmulatorRequest, EmulatorResponse } from './http_types';
import { RequestLog } from './request_log';
import { SkipTokenCodec } from './skip_token';
import { EmulatedTenant, type TenantSpec } from './tenant_registry';
import { MESSAGE_TRACE_THROTTLE, RollingWindowThrottle, type ThrottleOptions } from './throttle';
import { truthObservations, type TruthObservation } from './trace_record';
import { handleGraph, type GraphDeps, type Handled } from './graph_pipeline';

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
  private readonly stopped = new AbortController();

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
    this.stopped.abort();
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

  private graphDeps(): GraphDeps {
    return {
      clock: this.clock,
      issuer: this.issuer,
      tenants: this.tenantList,
      faults: this.faults,
      throttle: this.throttle,
      skipTokens: this.skipTokens,
      skipTokenTtlMs: this.options.skipTokenTtlMs ?? 3_600_000,
      endSkewMs: this.options.endSkewMs ?? 60_000,
      delay: (ms) => this.delay(ms),
    };
  }

  /** A slow answer, on the emulator's clock; once stopped, it never comes. */
  private delay(ms: number): Promise<void> {
    return this.clock.sleep(ms, this.stopped.signal).catch(() => new Promise<void>(() => {}));
  }

  private async route(request: EmulatorRequest): Promise<Handled> {
    const path = request.url.pathname;
    if (path.startsWith('/_emulator/') || path === '/_emulator') {
      return { kind: 'control', response: handleControl(request, this) };
    }
    if (/^\/(v1\.0|beta)\//i.test(path)) return handleGraph(request, this.graphDeps());
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
}
