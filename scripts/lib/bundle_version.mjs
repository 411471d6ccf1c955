// The `version` written into the zip's kibana.json: kibana.jsonc's version plus a digest of the
// browser bundle, e.g. `0.1.0-public-3f9a1c2b7d4e`.
//
// Why: Kibana serves a plugin's target/public at `/<buildShaShort>/bundles/plugin/<id>/<version>/`
// with `version` = the manifest's (register_bundle_routes.ts @ 7e42e3f7, plugins_service.ts
// @ a2dd3043; the prefix is StaticAssets.prependServerPath, static_assets.ts @ 4254c0af, with
// `shaDigest: packageInfo.buildShaShort` in http_server.ts @ 027ff216), and in a distributable
// with `cache-control: public, max-age=31536000, immutable` (dynamic_asset_response.ts
// @ 7a71b35c). The build sha moves the path only when Kibana itself changes: a rebuilt zip with new
// browser code and the same `version` would be served at the old URL, which browsers keep for a
// year without asking again. With the digest, other code always gets another URL and the same code
// the same URL, from any checkout.
// Why not refuse to build a version twice instead: that needs a record of what was built, which
// lives on one machine; the digest needs none.
// Shape: Kibana's manifest parser only asks for a non-empty string (plugin_manifest_parser.ts
// @ 4926f7c0) and compares `kibanaVersion`, never `version`, with its own. The digest is a
// pre-release identifier, not `+build` metadata, because `+` is a reserved URI character
// (RFC 3986 §2.2) that a proxy or CDN in front of Kibana may percent-encode or read as a space;
// letters, digits, `.` and `-` are unreserved (§2.3) and pass every hop unchanged.
import { createHash } from 'node:crypto';

const SEMVER_WITHOUT_BUILD = /^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const DIGEST_LENGTH = 12;

/** Digest of the files served from target/public: names and contents, in name order. */
function publicDigest(files) {
  const hash = createHash('sha256');
  for (const [name, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bytes = Buffer.from(contents);
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, DIGEST_LENGTH);
}

/**
 * `files`: name → contents of target/public without the `.br` copies (derived from the same
 * contents, and brotli's output may differ between Node versions).
 */
export function bundleVersion(version, files) {
  if (typeof version !== 'string' || !SEMVER_WITHOUT_BUILD.test(version)) {
    throw new Error(
      `The version in kibana.jsonc must be semver without +build metadata (like 1.2.0 or ` +
        `1.2.0-rc.1), got "${version}": the build appends the browser bundle's digest to it.`
    );
  }
  const separator = version.includes('-') ? '.' : '-';
  return `${version}${separator}public-${publicDigest(files)}`;
}
