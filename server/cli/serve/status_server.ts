import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonLogger } from './json_logger';
import { prometheusText, type TenantStatus } from './tenant_status';

/**
 * `/healthz` (JSON: each tenant's state, and why it fails) and `/metrics` (Prometheus text).
 * /healthz answers 200 while the process runs, whatever its tenants do: a failing tenant is
 * mended by its config or Microsoft, never by restarting the service, so an orchestrator's
 * liveness probe must not kill it. Read-only, no secrets: bind it to an address monitoring reaches.
 */
export async function startStatusServer(options: {
  host: string;
  port: number;
  instanceId: string;
  statuses: () => TenantStatus[];
  logger: JsonLogger;
}): Promise<{ address: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const now = Date.now();
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const tenants = options.statuses().map((status) => status.toJSON(now));
      const body = {
        status: tenants.some((tenant) => tenant.state === 'failing') ? 'degraded' : 'ok',
        instance: options.instanceId,
        tenants,
      };
      response
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(options.logger.redact(JSON.stringify(body)));
      return;
    }
    if (path === '/metrics') {
      response
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
        .end(options.logger.redact(prometheusText(options.statuses(), now)));
      return;
    }
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end('Not found: /healthz, /metrics\n');
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    address: `${host}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
