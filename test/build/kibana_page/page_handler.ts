import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { PageHandler } from '../../host/http/host_http_server';
import { REPO_ROOT } from '../../host/plugin_manifest';

/** Kibana 9's default Content-Security-Policy: plugin code may not need inline scripts or eval. */
export const KIBANA_CSP =
  "script-src 'report-sample' 'self'; worker-src 'report-sample' blob: 'self'; " +
  "style-src 'report-sample' 'self' 'unsafe-inline'";

/**
 * The bootstrap Kibana renders (src/core/packages/rendering/server-internal/src/bootstrap/
 * render_template.ts): `__kbnBundles__` with define/get, `__kbnPublicPath__`, then the bundles
 * loaded in order by <script async=false> elements, then core starts.
 */
function bootstrapSource(publicPathMap: Record<string, string>, scripts: string[]) {
  return `
function kbnBundlesLoader() {
  var modules = {};
  function has(prop) { return Object.prototype.hasOwnProperty.call(modules, prop); }
  function define(key, bundleRequire, bundleModuleKey) {
    if (has(key)) throw new Error('__kbnBundles__ already has a module defined for "' + key + '"');
    modules[key] = { bundleRequire: bundleRequire, bundleModuleKey: bundleModuleKey };
  }
  function get(key) {
    if (!has(key)) throw new Error('__kbnBundles__ does not have a module defined for "' + key + '"');
    return modules[key].bundleRequire(modules[key].bundleModuleKey);
  }
  return { has: has, define: define, get: get };
}
window.__kbnPublicPath__ = ${JSON.stringify(publicPathMap)};
window.__kbnBundles__ = kbnBundlesLoader();
var scriptsTarget = document.querySelector('head meta[name="add-scripts-here"]');
var pending = ${JSON.stringify(scripts)};
pending.forEach(function (url) {
  var dom = document.createElement('script');
  dom.async = false;
  dom.src = url;
  dom.addEventListener('load', function () {
    pending = pending.filter(function (other) { return other !== url; });
    if (pending.length === 0) window.__harness.start();
  });
  document.head.insertBefore(dom, scriptsTarget);
});
`;
}

function pageHtml(kibanaVersion: string) {
  return `<!DOCTYPE html>
<html lang="en" data-kibana-version="${kibanaVersion}">
<head><meta charset="utf-8"><title>Kibana</title><link rel="icon" href="data:,"><meta name="add-scripts-here"></head>
<body><div id="kbn-root"></div><div id="app"></div><script src="/bootstrap.js"></script></body>
</html>`;
}

async function buildHarness(): Promise<string> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [path.join(__dirname, 'harness.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // The distributable's React and EUI, as in a production Kibana.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface KibanaPageOptions {
  pluginId: string;
  /** The `version` of the zip's kibana.json. */
  pluginVersion: string;
  kibanaVersion: string;
  /** The unpacked zip's `target/public`. */
  publicDir: string;
}

/** Stands in for `packageInfo.buildShaShort` of the Kibana build serving the page. */
const KIBANA_BUILD_SHA_SHORT = '5e1f0c4a9b27';

/**
 * Where Kibana serves a plugin's target/public, without a base path: `/bundles/plugin/<id>/<version>/`
 * with the manifest's version (register_bundle_routes.ts @ 7e42e3f7), behind
 * `StaticAssets.prependServerPath`, which puts `/<buildShaShort>` first (static_assets.ts @ 4254c0af;
 * `shaDigest: packageInfo.buildShaShort` in http_server.ts @ 027ff216). Only the installed version's
 * path exists: any other answers 404.
 */
export const bundlePath = ({ pluginId, pluginVersion }: KibanaPageOptions) =>
  `/${KIBANA_BUILD_SHA_SHORT}/bundles/plugin/${pluginId}/${pluginVersion}/`;

/**
 * The headers of a bundle file in a distributable Kibana (createDynamicAssetHandler with
 * `isDist`, dynamic_asset_response.ts @ 7a71b35c): cached for a year without revalidation, so a
 * browser asks again only for another URL. The type is `mime.contentType('.js')` of mime-types 2.x;
 * UNCONFIRMED that 9.5.3 does not ship a mime-db that says `text/javascript` (browsers run either).
 */
const KIBANA_BUNDLE_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'content-type': 'application/javascript; charset=utf-8',
};

/**
 * A page like Kibana's for `/app/<id>`: the bootstrap, the shared deps, the plugin's entry. Files
 * under the bundle path come from the zip; `.br` when the browser accepts brotli, as Kibana does.
 */
export async function createKibanaPageHandler(options: KibanaPageOptions): Promise<PageHandler> {
  const harness = await buildHarness();
  const prefix = bundlePath(options);
  const bootstrap = bootstrapSource({ [options.pluginId]: prefix }, [
    '/shared_deps_and_core.js',
    `${prefix}${options.pluginId}.plugin.js`,
  ]);
  const send = (res: ServerResponse, type: string, body: string | Buffer, headers = {}) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
  };
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET') return false;
    if (url.pathname === `/app/${options.pluginId}`) {
      send(res, 'text/html; charset=utf-8', pageHtml(options.kibanaVersion), {
        'content-security-policy': KIBANA_CSP,
      });
      return true;
    }
    const generated: Record<string, string> = {
      '/bootstrap.js': bootstrap,
      '/shared_deps_and_core.js': harness,
    };
    if (generated[url.pathname] !== undefined) {
      send(res, 'text/javascript', generated[url.pathname]!);
      return true;
    }
    if (!url.pathname.startsWith(prefix)) return false;
    // Kibana serves any file under target/public; the bundle loads only its scripts.
    const name = url.pathname.slice(prefix.length);
    const file = path.join(options.publicDir, name);
    if (!/^[\w.-]+\.js$/.test(name) || !existsSync(file)) return false;
    const brotli = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (brotli && existsSync(`${file}.br`)) {
      res
        .writeHead(200, { ...KIBANA_BUNDLE_HEADERS, 'content-encoding': 'br' })
        .end(readFileSync(`${file}.br`));
    } else {
      res.writeHead(200, KIBANA_BUNDLE_HEADERS).end(readFileSync(file));
    }
    return true;
  };
}
