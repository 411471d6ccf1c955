import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLUGIN_ID } from '../../../common/constants';
import type { PageHandler } from '../http/host_http_server';
import { PayloadError, readJsonBody } from '../http/request_body';
import { errorBody } from '../http/response_factory';
import { HOST_KIBANA_VERSION, type KibanaHost } from '../kibana_host';
import {
  authenticate,
  DEFAULT_BROWSER_USER,
  findUser,
  HOST_USERS,
  type HostUser,
} from '../security/users';
import { buildBrowserBundle, type BrowserBundle } from './browser_bundle';
import type { HostMetadata } from './host_metadata';
import { renderPageHtml } from './page_html';

const ASSETS_PREFIX = '/host/public/';
const SESSION_COOKIE = 'host_user';

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string, cookie?: string) {
  res.writeHead(302, { location, ...(cookie ? { 'set-cookie': cookie } : {}) }).end();
}

function sessionCookie(host: KibanaHost, username: string) {
  return `${SESSION_COOKIE}=${encodeURIComponent(username)}; Path=${host.basePath || '/'}; HttpOnly; SameSite=Lax`;
}

function metadataFor(host: KibanaHost, user: HostUser): HostMetadata {
  return {
    basePath: host.basePath,
    kibanaVersion: HOST_KIBANA_VERSION,
    user: { username: user.username, fullName: user.fullName },
    capabilities: host.features.capabilities(user),
    users: HOST_USERS.map(({ username, fullName }) => ({ username, fullName })),
    assetsPath: `${host.basePath}/host/public`,
  };
}

/** `GET /app/*`: the bootstrap page; a browser without a session is logged in as the default user. */
function servePage(host: KibanaHost, req: IncomingMessage, res: ServerResponse) {
  const authenticated = authenticate(req.headers);
  const user = authenticated ?? findUser(DEFAULT_BROWSER_USER)!;
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...(authenticated ? {} : { 'set-cookie': sessionCookie(host, user.username) }),
  });
  res.end(req.method === 'HEAD' ? undefined : renderPageHtml(metadataFor(host, user)));
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
function switchUser(host: KibanaHost, res: ServerResponse, url: URL) {
  const user = findUser(url.searchParams.get('user') ?? '');
  if (!user) {
    sendJson(res, 400, errorBody(400, `Unknown user [${url.searchParams.get('user') ?? ''}]`));
    return;
  }
  const next = url.searchParams.get('next') ?? '';
  const safe = next.startsWith(`${host.basePath}/`) && !next.startsWith('//');
  redirect(
    res,
    safe ? next : `${host.basePath}/app/${PLUGIN_ID}`,
    sessionCookie(host, user.username)
  );
}

/**
 * `POST /api/core/capabilities` with `{ applications }`, as Kibana's browser asks once its apps are
 * registered: the features' UI capabilities plus `navLinks` for the apps the user's roles grant.
 */
async function resolveCapabilities(host: KibanaHost, req: IncomingMessage, res: ServerResponse) {
  const user = authenticate(req.headers);
  if (!user) {
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
  sendJson(res, 200, {
    navLinks: Object.fromEntries(
      applications.map((app) => [app, host.features.hasAppAccess(user, app)])
    ),
    management: {},
    catalogue: {},
    ...host.features.capabilities(user),
  });
}

/** The browser half of the host: the app pages, their bundle, and the user switcher. */
export async function createPageHandler(host: KibanaHost): Promise<PageHandler> {
  const bundle = await buildBrowserBundle();
  return async (req, res, url) => {
    const { pathname } = url;
    if (req.method === 'POST' && pathname === '/api/core/capabilities') {
      await resolveCapabilities(host, req, res);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === '/') {
      redirect(res, `${host.basePath}/app/${PLUGIN_ID}`);
      return true;
    }
    if (pathname === '/app' || pathname.startsWith('/app/')) {
      servePage(host, req, res);
      return true;
    }
    if (pathname.startsWith(ASSETS_PREFIX)) {
      return serveAsset(bundle, req, res, pathname.slice(ASSETS_PREFIX.length));
    }
    if (pathname === '/host/login') {
      switchUser(host, res, url);
      return true;
    }
    return false;
  };
}
