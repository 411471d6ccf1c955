/**
 * The checks Kibana's plugin discovery applies to `kibana.json` before it loads a plugin, in the
 * order of `parseManifest` in elastic/kibana
 * src/core/packages/plugins/server-internal/src/discovery/plugin_manifest_parser.ts (and
 * `isCamelCase` beside it). Returns every failed rule's message (Kibana stops at the first one);
 * an empty list means Kibana accepts the manifest.
 */

const KNOWN_MANIFEST_FIELDS = new Set([
  'id',
  'kibanaVersion',
  'type',
  'version',
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
]);

const ALWAYS_COMPATIBLE_VERSION = 'kibana';

const isCamelCase = (candidate: string) => /^[a-z]{1}([a-zA-Z0-9]{1,})$/.test(candidate);

/** @kbn/config's isConfigPath: a string or an array of strings. */
const isConfigPath = (value: unknown) =>
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((part) => typeof part === 'string'));

/** semver.coerce: the first `major[.minor[.patch]]` in the string, missing parts 0. */
export function coerceVersion(version: string): string | undefined {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!match) return undefined;
  return [match[1], match[2] ?? '0', match[3] ?? '0'].map(Number).join('.');
}

function isVersionCompatible(expected: string, actual: string) {
  if (expected === ALWAYS_COMPATIBLE_VERSION) return true;
  const coercedActual = coerceVersion(actual);
  const coercedExpected = coerceVersion(expected);
  return coercedActual !== undefined && coercedActual === coercedExpected;
}

export function kibanaManifestErrors(manifest: unknown, kibanaVersion: string): string[] {
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['Plugin manifest must contain a JSON encoded object.'];
  }
  const m = manifest as Record<string, unknown>;
  if (!m.id || typeof m.id !== 'string') return ['Plugin manifest must contain an "id" property.'];
  const id = m.id;
  const errors: string[] = [];
  if (id.includes('.')) errors.push('Plugin "id" must not include `.` characters.');
  if (!isCamelCase(id)) errors.push(`Plugin "id" must be camelCase, but found: ${id}.`);
  if (!m.version || typeof m.version !== 'string') {
    errors.push(`Plugin manifest for "${id}" must contain a "version" property.`);
  }
  const owner = m.owner as { name?: unknown } | undefined;
  if (!owner || !owner.name || typeof owner.name !== 'string') {
    errors.push(
      `Plugin manifest for "${id}" must contain an "owner" property, which includes a nested "name" property.`
    );
  }
  if (m.configPath !== undefined && !isConfigPath(m.configPath)) {
    errors.push(
      `The "configPath" in plugin manifest for "${id}" should either be a string or an array of strings.`
    );
  }
  if (
    m.extraPublicDirs &&
    (!Array.isArray(m.extraPublicDirs) || !m.extraPublicDirs.every((d) => typeof d === 'string'))
  ) {
    errors.push(`The "extraPublicDirs" in plugin manifest for "${id}" should be an array of strings.`);
  }
  const expected =
    typeof m.kibanaVersion === 'string' && m.kibanaVersion ? m.kibanaVersion : String(m.version);
  if (!isVersionCompatible(expected, kibanaVersion)) {
    errors.push(
      `Plugin "${id}" is only compatible with Kibana version "${expected}", but used Kibana version is "${kibanaVersion}".`
    );
  }
  const server = typeof m.server === 'boolean' ? m.server : false;
  const ui = typeof m.ui === 'boolean' ? m.ui : false;
  if (!server && !ui) {
    errors.push(
      `Both "server" and "ui" are missing or set to "false" in plugin manifest for "${id}", but at least one of these must be set to "true".`
    );
  }
  const unknown = Object.keys(m).filter((key) => !KNOWN_MANIFEST_FIELDS.has(key));
  if (unknown.length) {
    errors.push(
      `Manifest for plugin "${id}" contains the following unrecognized properties: ${unknown.join(',')}.`
    );
  }
  const type = m.type ?? 'standard';
  if (type !== 'preboot' && type !== 'standard') {
    errors.push(
      `The "type" in manifest for plugin "${id}" is set to "${String(type)}", but it should either be "standard" or "preboot".`
    );
  }
  return errors;
}

/** Kibana's default config path when the manifest has none: lodash `snakeCase(id)`. */
export function effectiveConfigPath(manifest: { id: string; configPath?: string | string[] }) {
  if (manifest.configPath) return manifest.configPath;
  return manifest.id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
