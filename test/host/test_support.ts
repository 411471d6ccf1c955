import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { FIXTURE_PASSWORD } from '../es/security_fixtures';
import { basicAuthorization, nodeOf } from './elasticsearch/credentials';
import { SESSION_COOKIE } from './security/authentication';
import { KibanaHost, type KibanaHostOptions } from './kibana_host';

export const TEST_ENCRYPTION_KEY = 'a-test-encryption-key-of-32-chars-or-more';

export function esUrl(): string {
  const url = process.env.ES_URL;
  if (!url)
    throw new Error('ES_URL is not set: run through jest (its globalSetup starts Elasticsearch)');
  return url;
}

/** Indices of their own for a test's hosts. */
export const testIndexPrefix = () => `.kibana-host-test-${randomUUID()}`;

/** A host on a random port with fast Task Manager polling, for tests. */
export async function startTestHost(
  options: Partial<KibanaHostOptions> & Pick<KibanaHostOptions, 'plugins'>
) {
  return new KibanaHost({
    esUrl: esUrl(),
    encryptionKey: TEST_ENCRYPTION_KEY,
    indexPrefix: testIndexPrefix(),
    deleteIndicesOnStop: true,
    taskManager: { pollIntervalMs: 100, retry: { maxAttempts: 3, retryDelayMs: 200 } },
    ...options,
  }).start();
}

/** The node's version; `GET /` is an optional module the test distribution lacks. */
export async function elasticsearchVersion(): Promise<string> {
  const client = new Client({ node: esUrl() });
  try {
    const info = await client.nodes.info({ node_id: '_local', filter_path: 'nodes.*.version' });
    const [node] = Object.values(info.nodes);
    if (!node) throw new Error(`No node version from ${nodeOf(esUrl())}`);
    return node.version;
  } finally {
    await client.close();
  }
}

export function basicAuth(username: string, password = FIXTURE_PASSWORD) {
  return basicAuthorization({ username, password });
}

type RouteOptions = { user?: string; body?: unknown; headers?: Record<string, string> };

/** Calls a host route as Kibana's browser client would, as the given user. */
function fetchRoute(host: KibanaHost, method: string, path: string, options: RouteOptions) {
  return fetch(`${host.url}${path}`, {
    method,
    headers: {
      'kbn-xsrf': 'true',
      'x-elastic-internal-origin': 'Kibana',
      'content-type': 'application/json',
      ...(options.user ? { authorization: basicAuth(options.user) } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** A route's JSON answer (see fetchRoute). */
export async function callRoute(
  host: KibanaHost,
  method: string,
  path: string,
  options: RouteOptions = {}
) {
  const response = await fetchRoute(host, method, path, options);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A route's answer as text with its headers, for downloads such as CSV (see fetchRoute). */
export async function callRouteForText(
  host: KibanaHost,
  method: string,
  path: string,
  options: RouteOptions = {}
) {
  const response = await fetchRoute(host, method, path, options);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A browser session cookie for `username`, as Kibana's login form would set it. */
export async function sessionCookie(host: KibanaHost, username: string) {
  const session = await host.authenticator.login({ username, password: FIXTURE_PASSWORD });
  if (!session) throw new Error(`Elasticsearch refused the login of ${username}`);
  return { name: SESSION_COOKIE, value: session.sessionId, url: host.url };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
