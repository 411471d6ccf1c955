/**
 * Elasticsearch security for the test node: the integration-test distribution ships x-pack
 * security but not analysis-common, whose `pattern_capture`, `unique` and `uax_url_email` the
 * `.security` index needs. scripts/es_plugin/SecurityIndexAnalysisPlugin.java supplies them; it is
 * compiled here against the distribution's own jars and installed with elasticsearch-plugin. Then
 * the file realm gets the bootstrap accounts (es_bootstrap_accounts.json); everything else is made
 * through the security API.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_SOURCE = path.join(SCRIPTS, 'es_plugin', 'SecurityIndexAnalysisPlugin.java');
const PLUGIN_NAME = 'security-index-analysis';
const PLUGIN_CLASS = 'org.exchangemessagetrace.testing.SecurityIndexAnalysisPlugin';

export const BOOTSTRAP_ACCOUNTS = JSON.parse(
  fs.readFileSync(path.join(SCRIPTS, 'lib', 'es_bootstrap_accounts.json'), 'utf8')
);

/** elasticsearch.yml lines: security on, plain HTTP on loopback, API keys and tokens, no auto-configured TLS. */
export const SECURITY_SETTINGS = [
  'xpack.security.enabled: true',
  'xpack.security.http.ssl.enabled: false',
  'xpack.security.transport.ssl.enabled: false',
  'xpack.security.authc.api_key.enabled: true',
  // Kibana's SAML, OIDC, Kerberos and PKI sessions hold access tokens (Bearer); over plain HTTP
  // the token service is off unless asked for.
  'xpack.security.authc.token.enabled: true',
];

export function basicAuthorization({ username, password }) {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The URL tests and tools use: the setup superuser's credentials in it, as the ES client reads them. */
export function urlWithSuperuser(url) {
  const withCredentials = new URL(url);
  withCredentials.username = BOOTSTRAP_ACCOUNTS.superuser.username;
  withCredentials.password = BOOTSTRAP_ACCOUNTS.superuser.password;
  return withCredentials.toString().replace(/\/$/, '');
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`
    );
  }
  return result.stdout;
}

function descriptor(version, javaRelease) {
  return [
    'description=analysis-common components the .security index needs (tests only)',
    `version=${version}`,
    `name=${PLUGIN_NAME}`,
    `classname=${PLUGIN_CLASS}`,
    `java.version=${javaRelease}`,
    `elasticsearch.version=${version}`,
    '',
  ].join('\n');
}

/** Compiles the plugin against `home`'s jars (so it fits that exact version) and installs it. */
function installAnalysisPlugin(home, version, jdk, work) {
  // 9.x runs on Java 21+, 8.19 on 17+: compile for the oldest the distribution accepts.
  const javaRelease = Number(version.split('.')[0]) >= 9 ? 21 : 17;
  const classes = path.join(work, 'classes');
  const bundle = path.join(work, 'bundle');
  fs.mkdirSync(bundle, { recursive: true });
  const bin = (tool) => path.join(jdk.home, 'bin', tool);
  run(bin('javac'), [
    '--release',
    String(javaRelease),
    '-cp',
    path.join(home, 'lib', '*'),
    '-d',
    classes,
    PLUGIN_SOURCE,
  ]);
  run(bin('jar'), [
    '--create',
    '--file',
    path.join(bundle, `${PLUGIN_NAME}.jar`),
    '-C',
    classes,
    '.',
  ]);
  fs.writeFileSync(
    path.join(bundle, 'plugin-descriptor.properties'),
    descriptor(version, javaRelease)
  );
  const zip = path.join(work, `${PLUGIN_NAME}.zip`);
  run(bin('jar'), ['--create', '--no-manifest', '--file', zip, '-C', bundle, '.']);
  run(path.join(home, 'bin', 'elasticsearch-plugin'), ['install', '--batch', `file://${zip}`], {
    env: { ...process.env, ES_JAVA_HOME: jdk.home, ES_PATH_CONF: path.join(home, 'config') },
  });
}

/** The bootstrap accounts in `home`'s config/users and users_roles, copied into every instance. */
function addBootstrapAccounts(home, jdk) {
  const env = { ...process.env, ES_JAVA_HOME: jdk.home, ES_PATH_CONF: path.join(home, 'config') };
  for (const account of Object.values(BOOTSTRAP_ACCOUNTS).filter((entry) => entry.username)) {
    run(
      path.join(home, 'bin', 'elasticsearch-users'),
      ['useradd', account.username, '-p', account.password, '-r', account.role],
      { env }
    );
  }
}

/** Prepares an unpacked distribution (not yet in the cache) for a secured node. */
export function prepareSecurity(home, version, jdk) {
  const work = fs.mkdtempSync(path.join(path.dirname(home), `.plugin-${version}-`));
  try {
    installAnalysisPlugin(home, version, jdk, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  addBootstrapAccounts(home, jdk);
}

export function hasSecurityPrepared(home) {
  return fs.existsSync(path.join(home, 'plugins', PLUGIN_NAME));
}
