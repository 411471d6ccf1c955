/** Helpers for the emulator's own tests (and handy for collector tests). */
import http from 'node:http';
import https from 'node:https';
import type { GraphEmulator } from './graph_emulator';
import type { TenantSpec } from './tenant_registry';
import type { ExplicitRow } from './explicit_rows';
import { DAY_MS, HOUR_MS } from '../../common/time';

export const TENANT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const SECRET = 'Abc8Q~test-secret-value-0123456789abcdefg';

export function tenantSpec(overrides: Partial<TenantSpec> = {}, rows?: ExplicitRow[]): TenantSpec {
  return {
    tenantId: TENANT_ID,
    apps: [
      {
        clientId: CLIENT_ID,
        secrets: [{ value: SECRET, id: '0d9a3a4e-1111-4222-8333-444444444444' }],
      },
    ],
    ...(rows ? { rows } : {}),
    ...overrides,
  };
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** GET/POST with the emulator's CA trusted (global fetch cannot be given a CA per call). */
export function request(
  emulator: GraphEmulator,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ...(emulator.caCertificatePem ? { ca: emulator.caCertificatePem } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      }
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function tokenRequest(
  emulator: GraphEmulator,
  tenant: string,
  form: Record<string, string>
): Promise<HttpResult> {
  return request(emulator, `${emulator.loginUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export async function getToken(
  emulator: GraphEmulator,
  tenant = TENANT_ID,
  clientId = CLIENT_ID,
  secret = SECRET
): Promise<string> {
  const result = await tokenRequest(emulator, tenant, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    scope: 'https://graph.microsoft.com/.default',
  });
  if (result.status !== 200) throw new Error(`token: ${result.status} ${result.text}`);
  return (result.json as { access_token: string }).access_token;
}

export function traceUrl(
  emulator: GraphEmulator,
  start: number | string,
  end: number | string,
  extra = '',
  version = 'v1.0'
): string {
  const iso = (v: number | string) =>
    typeof v === 'number' ? new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z') : v;
  const filter = `receivedDateTime ge ${iso(start)} and receivedDateTime le ${iso(end)}${extra}`;
  return `${emulator.graphUrl}/${version}/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}`;
}

export interface Page {
  value: Array<Record<string, unknown>>;
  '@odata.nextLink'?: string;
  '@odata.context'?: string;
}

export function graphGet(
  emulator: GraphEmulator,
  url: string,
  token: string,
  headers: Record<string, string> = {}
): Promise<HttpResult> {
  return request(emulator, url, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

/** Follows nextLink verbatim; returns every page. */
export async function allPages(
  emulator: GraphEmulator,
  url: string,
  token: string,
  headers: Record<string, string> = {}
): Promise<Page[]> {
  const pages: Page[] = [];
  let next: string | undefined = url;
  while (next) {
    const result = await graphGet(emulator, next, token, headers);
    if (result.status !== 200) throw new Error(`page: ${result.status} ${result.text}`);
    const page = result.json as Page;
    pages.push(page);
    next = page['@odata.nextLink'];
  }
  return pages;
}

export const HOUR = HOUR_MS;
export const DAY = DAY_MS;
export const T0 = Date.parse('2026-03-10T12:00:00Z');
