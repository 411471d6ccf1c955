import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLUGIN_ID } from '../../../common/constants';
import type { PageHandler } from '../http/host_http_server';
import { PayloadError, readJsonBody } from '../http/request_body';
import { errorBody } from '../http/response_factory';
import { HOST_KIBANA_VERSION, type KibanaHost } from '../kibana_host';
import { readPluginManifest } from '../plugin_manifest';
import { KIBANA_APPLICATION } from '../../es/security_fixtures';
import { SESSION_COOKIE, type Authentication, type HostLogin } from '../security/authentication';
import { resolveCapabilities } from '../security/capabilities';
import { buildBrowserBundle, type BrowserBundle } from './browser_bundle';
import type { HostMetadata } from './host_metadata';
import { renderLoginHtml, renderPageHtml } from './page_html';

const ASSETS_PREFIX = '/host/public/';

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string, cookie?: string) {
  res.writeHead(302, { location, ...(cookie ? { 'set-cookie': cookie } : {}) }).end();
}

function sessionCookie(host: KibanaHost, sessionId: string) {
  return `${SESSION_COOKIE}=${sessionId}; Path=${host.basePath || '/'}; HttpOnly; SameSite=Lax`;
}

function capabilitiesOf(host: KibanaHost, authentication: Authentication, applications: string[]) {
  return resolveCapabilities(
    host.elasticsearch.asCaller(authentication.authorization),
    KIBANA_APPLICATION,
    host.features.registered(),
    applications
  );
}

async function metadataFor(
  host: KibanaHost,
  authentication: Authentication
): Promise<HostMetadata> {
  const { user } = authentication;
  const { id, requiredPlugins, optionalPlugins } = readPluginManifest();
  const {
    navLinks: _navLinks,
    management: _management,
    catalogue: _catalogue,
    ...capabilities
  } = await capabilitiesOf(host, authentication, []);
  return {
    basePath: host.basePath,
    kibanaVersion: HOST_KIBANA_VERSION,
    user: { username: user.username, fullName: user.full_name ?? user.username },
    capabilities,
    users: host.logins.map(({ username, fullName }) => ({ username, fullName })),
    assetsPath: `${host.basePath}/host/public`,
    uiSettings: host.advancedSettings.userValues(),
    plugin: { id, requiredPlugins, optionalPlugins },
  };
}

/** Logs a browser in as Kibana's login form would, with credentials Elasticsearch accepts. */
async function logIn(host: KibanaHost, login: HostLogin) {
  const session = await host.authenticator.login(login);
  if (!session) throw new Error(`Elasticsearch refused the login of ${login.username}`);
  return session;
}

/** Where a page under the base path may send the browser next; anything else goes to the app. */
function safeNext(host: KibanaHost, next: string | null): string {
  return next?.startsWith(`${host.basePath}/`) && !next.startsWith('//')
    ? next
    : `${host.basePath}/app/${PLUGIN_ID}`;
}

/**
 * `GET /app/*`: the bootstrap page. Without a session the browser goes to the login page, as
 * Kibana's basic provider sends it (`${basePath}/login?next=…`; x-pack/platform/plugins/shared/
 * security/server/authentication/providers/basic.ts, find_string id 67395747104).
 */
async function servePage(host: KibanaHost, req: IncomingMessage, res: ServerResponse, url: URL) {
  const outcome = await host.authenticator.authenticate({ cookie: req.headers.cookie });
  if (outcome.kind !== 'authenticated') {
    const next = `${host.basePath}${url.pathname}${url.search}`;
    redirect(res, `${host.basePath}/login?next=${encodeURIComponent(next)}`);
    return;
  }
  const metadata = await metadataFor(host, outcome.authentication);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : renderPageHtml(metadata));
}

/** `GET /login?next=`: the host's login page, one link per user it can log in (no typing). */
function serveLoginPage(host: KibanaHost, res: ServerResponse, url: URL) {
  const next = safeNext(host, url.searchParams.get('next'));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(renderLoginHtml(host.logins, (username) => loginHref(host, username, next)));
}

const loginHref = (host: KibanaHost, username: string, next: string) =>
  `${host.basePath}/host/login?${new URLSearchParams({ user: username, next }).toString()}`;

function serveAsset(
  bundle: BrowserBundle,
  req: IncomingMessage,
  res: ServerResponse,
  file: string
) {
  let name: string;
  try {
    name = decodeURIComponent(file);
  } catch {
    return false;
  }
  const asset = bundle.get(name);
  if (!asset) return false;
  res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : asset.contents);
  return true;
}

/** `GET /host/login?user=&next=`: logs in one of the host's users. `next` is under the base path. */
async function switchUser(host: KibanaHost, res: ServerResponse, url: URL) {
  const login = host.logins.find(
    (candidate) => candidate.username === url.searchParams.get('user')
  );
  if (!login) {
    sendJson(res, 400, errorBody(400, `Unknown user [${url.searchParams.get('user') ?? ''}]`));
    return;
  }
  const { sessionId } = await logIn(host, login);
  redirect(res, safeNext(host, url.searchParams.get('next')), sessionCookie(host, sessionId));
}

/**
 * `POST /api/core/capabilities` with `{ applications }`, as Kibana's browser asks once its apps are
 * registered: the features' UI capabilities plus `navLinks`, as Elasticsearch grants them.
 */
async function serveCapabilities(host: KibanaHost, req: IncomingMessage, res: ServerResponse) {
  const outcome = await host.authenticator.authenticate(req.headers);
  if (outcome.kind !== 'authenticated') {
    sendJson(res, 401, errorBody(401));
    return;
  }
  let body: { applications?: unknown } | undefined;
  try {
    body = (await readJsonBody(req)) as typeof body;
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    sendJson(res, error.statusCode, errorBody(error.statusCode, error.message));
    return;
  }
  const applications = Array.isArray(body?.applications)
    ? body.applications.filter((app): app is string => typeof app === 'string')
    : [];
  sendJson(res, 200, await capabilitiesOf(host, outcome.authentication, applications));
}

/** The browser half of the host: the app pages, their bundle, and the user switcher. */
export async function createPageHandler(host: KibanaHost): Promise<PageHandler> {
  const bundle = await buildBrowserBundle();
  return async (req, res, url) => {
    const { pathname } = url;
    if (req.method === 'POST' && pathname === '/api/core/capabilities') {
      await serveCapabilities(host, req, res);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === '/') {
      redirect(res, `${host.basePath}/app/${PLUGIN_ID}`);
      return true;
    }
    if (pathname === '/app' || pathname.startsWith('/app/')) {
      await servePage(host, req, res, url);
      return true;
    }
    if (pathname.startsWith(ASSETS_PREFIX)) {
      return serveAsset(bundle, req, res, pathname.slice(ASSETS_PREFIX.length));
    }
    if (pathname === '/login') {
      serveLoginPage(host, res, url);
      return true;
    }
    if (pathname === '/host/login') {
      await switchUser(host, res, url);
      return true;
    }
    return false;
  };
}
