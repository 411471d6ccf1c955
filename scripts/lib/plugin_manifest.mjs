// kibana.jsonc (commented, the source of truth) → the flat kibana.json that Kibana's plugin
// discovery, its installer and @kbn/plugin-helpers read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The keys Kibana's manifest parser accepts (KNOWN_MANIFEST_FIELDS in
 * src/core/packages/plugins/server-internal/src/discovery/plugin_manifest_parser.ts); any other key
 * makes Kibana refuse to start the plugin. Written in this order.
 */
export const KNOWN_MANIFEST_KEYS = [
  'id',
  'version',
  'kibanaVersion',
  'type',
  'configPath',
  'requiredPlugins',
  'optionalPlugins',
  'runtimePluginDependencies',
  'ui',
  'server',
  'extraPublicDirs',
  'requiredBundles',
  'serviceFolders',
  'owner',
  'description',
  'enabledOnAnonymousPages',
];

/** Same rules as test/host/plugin_manifest.ts's parseJsonc: comments and trailing commas. */
export function parseJsonc(text) {
  const withoutComments = text.replace(
    /("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (_match, string) => string ?? ''
  );
  return JSON.parse(withoutComments.replace(/,(\s*[}\]])/g, '$1'));
}

/**
 * Both Kibana's server and its installer compare `kibanaVersion` with the running Kibana down to
 * the patch level, so a zip is for one exact version: `9.5.3`, never `9.5` or `9.5.x`.
 */
export function assertExactVersion(version, source) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(
      `${source} must be an exact Kibana version like 9.5.3 (major.minor.patch), got "${version}": ` +
        'Kibana only loads a plugin built for its own version.'
    );
  }
}

export async function readSourceManifest(root) {
  return parseJsonc(await readFile(path.join(root, 'kibana.jsonc'), 'utf8'));
}

/** The flat manifest, with `kibanaVersion` stamped; unknown keys in kibana.jsonc are an error. */
export function flatManifest(source, kibanaVersion) {
  const unknown = Object.keys(source).filter((key) => !KNOWN_MANIFEST_KEYS.includes(key));
  if (unknown.length) {
    throw new Error(
      `kibana.jsonc has keys Kibana's manifest parser rejects: ${unknown.join(', ')}. ` +
        `Known keys: ${KNOWN_MANIFEST_KEYS.join(', ')}.`
    );
  }
  const manifest = {};
  for (const key of KNOWN_MANIFEST_KEYS) {
    if (key === 'kibanaVersion') manifest[key] = kibanaVersion;
    else if (source[key] !== undefined) manifest[key] = source[key];
  }
  return manifest;
}
