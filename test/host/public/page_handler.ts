import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLUGIN_ID } from '../../../common/constants';
import type { PageHandler } from '../http/host_http_server';
import { PayloadError, readJsonBody } from '../http/request_body';
import { errorBody } from '../http/response_factory';
import { HOST_KIBANA_VERSION, type KibanaHost } from '../kibana_host';
import { KIBANA_APPLICATION } from '../../es/security_fixtures';
import { SESSION_COOKIE, type Authentication, type HostLogin } from '../security/authentication';
import { resolveCapabilities } from '../security/capabilities';
import { buildBrowserBundle, type BrowserBundle } from './browser_bundle';
import type { HostMetadata } from './host_metadata';
import { renderPageHtml } from './page_html';

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
  };
}

/** Logs a browser in as Kibana's login form would, with credentials Elasticsearch accepts. */
async function logIn(host: KibanaHost, login: HostLogin) {
  const sessionId = await host.authenticator.login(login);
  if (!sessionId) throw new Error(`Elasticsearch refused the login of ${login.username}`);
  const outcome = await host.authenticator.authenticate({
    cookie: `${SESSION_COOKIE}=${sessionId}`,
  });
  if (outcome.kind !== 'authenticated') throw new Error(`No session for ${login.username}`);
  return { sessionId, authentication: outcome.authentication };
}

/** `GET /app/*`: the bootstrap page; a browser without a session is logged in as the first login. */
async function servePage(host: KibanaHost, req: IncomingMessage, res: ServerResponse) {
  const outcome = await host.authenticator.authenticate({ cookie: req.headers.cookie });
  const session =
    outcome.kind === 'authenticated'
      ? { sessionId: undefined, authentication: outcome.authentication }
      : await logIn(host, host.logins[0]!);
  const metadata = await metadataFor(host, session.authentication);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...(session.sessionId ? { 'set-cookie': sessionCookie(host, session.sessionId) } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : renderPageHtml(metadata));
}

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

/** `GET /host/login?user=&next=`: the user switcher. `next` is a path under the base path. */
async function switchUser(host: KibanaHost, res: ServerResponse, url: URL) {
  const login = host.logins.find(
    (candidate) => candidate.username === url.searchParams.get('user')
  );
  if (!login) {
    sendJson(res, 400, errorBody(400, `Unknown user [${url.searchParams.get('user') ?? ''}]`));
    return;
  }
  const { sessionId } = await logIn(host, login);
  const next = url.searchParams.get('next') ?? '';
  const safe = next.startsWith(`${host.basePath}/`) && !next.startsWith('//');
  redirect(res, safe ? next : `${host.basePath}/app/${PLUGIN_ID}`, sessionCookie(host, sessionId));
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
      await servePage(host, req, res);
      return true;
    }
    if (pathname.startsWith(ASSETS_PREFIX)) {
      return serveAsset(bundle, req, res, pathname.slice(ASSETS_PREFIX.length));
    }
    if (pathname === '/host/login') {
      await switchUser(host, res, url);
      return true;
    }
    return false;
  };
}
