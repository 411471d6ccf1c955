/**
 * The Elasticsearch distribution for development and tests: the integration-test zip from Maven
 * Central, on the newest JDK that runs it, unpacked once into .cache/elasticsearch and prepared
 * for a secured node (see es_security.mjs).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSecurityPrepared, prepareSecurity } from './es_security.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_CACHE = path.join(REPO_ROOT, '.cache', 'elasticsearch');

// 9.x needs Java 21+ (its own launcher refuses 17); it is verified on Temurin 25 here.
const MODERN = { version: '9.5.3', minJava: 21 };
// Newest 8.19 on Maven Central when this was written; runs on Java 17.
const FALLBACK = { version: '8.19.21', minJava: 17 };

const log = (message) => process.stderr.write(`[es] ${message}\n`);

// ---------------------------------------------------------------- JDK

function javaMajor(javaHome) {
  const release = path.join(javaHome, 'release');
  const fromRelease = fs.existsSync(release)
    ? /^JAVA_VERSION="([^"]+)"/m.exec(fs.readFileSync(release, 'utf8'))?.[1]
    : undefined;
  const version =
    fromRelease ??
    /version "([^"]+)"/.exec(
      spawnSync(path.join(javaHome, 'bin', 'java'), ['-version'], { encoding: 'utf8' }).stderr ?? ''
    )?.[1];
  if (!version) return 0;
  const [first, second] = version.split(/[._+-]/).map(Number);
  return first === 1 ? second : first;
}

function jdkCandidates() {
  // An explicit ES_JAVA_HOME is the user's choice, as it is for Elasticsearch's own launcher.
  if (process.env.ES_JAVA_HOME) return [process.env.ES_JAVA_HOME];
  const jvmDir = '/usr/lib/jvm';
  const installed = fs.existsSync(jvmDir)
    ? fs.readdirSync(jvmDir).map((entry) => path.join(jvmDir, entry))
    : [];
  return [process.env.JAVA_HOME, ...installed].filter(Boolean);
}

function findJdks() {
  const seen = new Set();
  const jdks = [];
  for (const candidate of jdkCandidates()) {
    if (!fs.existsSync(path.join(candidate, 'bin', 'java'))) continue;
    const home = fs.realpathSync(candidate);
    if (seen.has(home)) continue;
    seen.add(home);
    jdks.push({ home, major: javaMajor(home) });
  }
  return jdks;
}

/** Elasticsearch 9 on the newest JDK >= 21; otherwise 8.19 on a JDK >= 17. */
export function chooseDistribution(jdks = findJdks()) {
  const byNewest = [...jdks].sort((a, b) => b.major - a.major);
  for (const dist of [MODERN, FALLBACK]) {
    const jdk = byNewest.find((candidate) => candidate.major >= dist.minJava);
    if (jdk) return { version: dist.version, jdk };
  }
  const found = jdks.map((jdk) => `${jdk.home} (Java ${jdk.major})`).join(', ');
  throw new Error(
    `need a JDK >= ${FALLBACK.minJava}; looked at ${jdkCandidates().join(', ') || 'nothing'}` +
      (found ? `; found ${found}` : '; none has bin/java')
  );
}

// ---------------------------------------------------------------- distribution

function mavenZipPath(version) {
  return path.join(
    os.homedir(),
    '.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch',
    version,
    `elasticsearch-${version}.zip`
  );
}

function downloadDistribution(version) {
  const zip = mavenZipPath(version);
  if (fs.existsSync(zip)) return zip;
  log(`downloading Elasticsearch ${version} with Maven`);
  const artifact = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${version}:zip`;
  const result = spawnSync(
    'mvn',
    ['-q', '-B', 'dependency:get', `-Dartifact=${artifact}`, '-Dtransitive=false'],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  );
  if (result.error) throw new Error(`cannot run mvn: ${result.error.message}`);
  if (result.status !== 0 || !fs.existsSync(zip)) {
    throw new Error(`mvn could not fetch ${artifact} into ${zip}`);
  }
  return zip;
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function extractZip(zip, into, jdk) {
  const extractors = [
    ['unzip', ['-q', zip, '-d', into]],
    [path.join(jdk.home, 'bin', 'jar'), ['xf', zip]],
    ['python3', ['-m', 'zipfile', '-e', zip, into]],
  ];
  const [command, args] =
    extractors.find(([cmd]) => (path.isAbsolute(cmd) ? fs.existsSync(cmd) : hasCommand(cmd))) ?? [];
  if (!command) throw new Error('need unzip, a JDK with jar, or python3 to unpack Elasticsearch');
  const result = spawnSync(command, args, { cwd: into, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} failed to unpack ${zip}`);
}

/**
 * Unpacks once into .cache/elasticsearch/<version>-secured, prepared for security before it lands
 * there; concurrent starts race safely via rename.
 */
export function unpackDistribution(version, jdk) {
  const home = path.join(DIST_CACHE, `${version}-secured`);
  if (fs.existsSync(path.join(home, 'bin', 'elasticsearch')) && hasSecurityPrepared(home)) {
    return home;
  }
  const zip = downloadDistribution(version);
  log(`unpacking ${path.basename(zip)}`);
  fs.mkdirSync(DIST_CACHE, { recursive: true });
  const staging = fs.mkdtempSync(path.join(DIST_CACHE, `.unpack-${version}-`));
  try {
    extractZip(zip, staging, jdk);
    const unpacked = path.join(staging, `elasticsearch-${version}`);
    // jar and python's zipfile drop the executable bits.
    for (const script of fs.readdirSync(path.join(unpacked, 'bin'))) {
      fs.chmodSync(path.join(unpacked, 'bin', script), 0o755);
    }
    log('building the security index analysis plugin and the bootstrap accounts');
    prepareSecurity(unpacked, version, jdk);
    try {
      fs.renameSync(unpacked, home);
    } catch (error) {
      if (!fs.existsSync(path.join(home, 'bin', 'elasticsearch'))) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return home;
}
