#!/usr/bin/env node
/**
 * Runs a real single-node Elasticsearch (the integ-test distribution from Maven Central) with
 * security on, for development and tests. ES_URL carries the setup superuser's credentials
 * (scripts/lib/es_bootstrap_accounts.json), which Elasticsearch clients read from the URL.
 *
 *   node scripts/es.mjs start [--name dev] [--heap 1g]  last stdout line: ES_URL=http://user:pw@127.0.0.1:N
 *   node scripts/es.mjs stop [--name dev]               also deletes the instance's data
 *   node scripts/es.mjs status [--name dev]             prints ES_PID and ES_URL, or exits 1
 *
 * `start` of an instance whose node died (crashed, killed) starts it again on its data, its
 * distribution and its ports; only `stop` deletes an instance's data. ES_PID is the leader of the
 * node's process group.
 *
 * Also importable: startElasticsearch({ name, heap }) and stopElasticsearch({ name }).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseDistribution, unpackDistribution } from './lib/es_distribution.mjs';
import {
  BOOTSTRAP_ACCOUNTS,
  basicAuthorization,
  SECURITY_SETTINGS,
  urlWithSuperuser,
} from './lib/es_security.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INSTANCES = path.join(REPO_ROOT, '.cache', 'es-instances');

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const LOCK_TIMEOUT_MS = 300_000;

const log = (message) => process.stderr.write(`[es] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SUPERUSER_HEADERS = { authorization: basicAuthorization(BOOTSTRAP_ACCOUNTS.superuser) };

// ---------------------------------------------------------------- instance files

function instancePaths(name) {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new Error(`instance name must be lowercase letters, digits, _ or -: ${name}`);
  }
  const dir = path.join(INSTANCES, name);
  return {
    dir,
    config: path.join(dir, 'config'),
    data: path.join(dir, 'data'),
    logs: path.join(dir, 'logs'),
    tmp: path.join(dir, 'tmp'),
    state: path.join(dir, 'state.json'),
    console: path.join(dir, 'logs', 'console.log'),
  };
}

function readState(paths) {
  try {
    return JSON.parse(fs.readFileSync(paths.state, 'utf8'));
  } catch {
    return undefined;
  }
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copyDir(source, target);
    else fs.copyFileSync(source, target);
  }
}

/** Settings only for modules this distribution has: unknown settings stop the node. */
function moduleSettings(home) {
  const has = (module) => fs.existsSync(path.join(home, 'modules', module));
  return [
    ...SECURITY_SETTINGS,
    ...(has('x-pack-ml') ? ['xpack.ml.enabled: false'] : []),
    ...(has('ingest-geoip') ? ['ingest.geoip.downloader.enabled: false'] : []),
  ];
}

function writeConfig(paths, { name, home, httpPort, transportPort }) {
  // A private copy: the launcher writes a keystore into it, and the cached one stays pristine.
  copyDir(path.join(home, 'config'), paths.config);
  const settings = [
    `cluster.name: es-${name}`,
    `node.name: ${name}`,
    'network.host: 127.0.0.1',
    `http.port: ${httpPort}`,
    `transport.port: ${transportPort}`,
    'discovery.type: single-node',
    `path.data: ${JSON.stringify(paths.data)}`,
    `path.logs: ${JSON.stringify(paths.logs)}`,
    'cluster.routing.allocation.disk.threshold_enabled: false',
    'action.destructive_requires_name: false',
    ...moduleSettings(home),
  ];
  fs.writeFileSync(path.join(paths.config, 'elasticsearch.yml'), `${settings.join('\n')}\n`);
}

function listenOn(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const listenOnFreePort = () => listenOn(0);

/** A port the instance had may have been taken while its node was down. */
async function assertPortFree(port, name) {
  try {
    const server = await listenOn(port);
    await new Promise((resolve) => server.close(resolve));
  } catch (error) {
    throw new Error(
      `${name} cannot start again on port ${port}: ${error.code ?? error.message}. Its data is ` +
        `kept; free the port and start it again, or delete it with stop`
    );
  }
}

/** Holds all listeners open until the end so the kernel cannot hand out the same port twice. */
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listenOnFreePort());
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

// ---------------------------------------------------------------- running as root

/** Elasticsearch refuses to run as root, so root runs it as `nobody`. */
function runAsUser() {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'));
  const [, , uid = '65534', gid = '65534'] = line?.split(':') ?? [];
  return { uid: Number(uid), gid: Number(gid) };
}

function assertReachableByOthers(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `running as root, Elasticsearch runs as nobody, which cannot enter ${current}; ` +
          `run as a normal user or move the repo`
      );
    }
    if (current === path.dirname(current)) return;
  }
}

function chownTree(target, { uid, gid }) {
  fs.chownSync(target, uid, gid);
  if (!fs.statSync(target).isDirectory()) return;
  for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry), { uid, gid });
}

// ---------------------------------------------------------------- processes

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Guards against a recycled pid: our leader's command line names the distribution's home. */
function isOurGroup(state) {
  if (!state?.pid) return false;
  const cmdline = `/proc/${state.pid}/cmdline`;
  if (fs.existsSync(cmdline)) return fs.readFileSync(cmdline, 'utf8').includes(state.home);
  // The leader is gone (or there is no /proc): the group can only be our leftover one.
  return isAlive(-state.pid);
}

async function killGroup(pid) {
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(-pid) && Date.now() < deadline) await sleep(250);
  if (isAlive(-pid)) {
    log(`pid ${pid} ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000}s, sending SIGKILL`);
    signal('SIGKILL');
    const killDeadline = Date.now() + 5_000;
    while (isAlive(-pid) && Date.now() < killDeadline) await sleep(100);
  }
}

async function answers(url, timeoutMs = 2_000) {
  try {
    const response = await fetch(`${url}/_cluster/health`, {
      headers: SUPERUSER_HEADERS,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits while a live process holds the lock; a dead holder's lock is removed. */
async function waitForLock(lock, deadline) {
  let holder = 0;
  try {
    holder = Number(fs.readFileSync(lock, 'utf8'));
  } catch {
    return; // released meanwhile
  }
  // An empty lock is one being written right now, so it is not stale.
  if (holder && !isAlive(holder)) {
    fs.rmSync(lock, { force: true });
    return;
  }
  if (Date.now() > deadline) throw new Error(`${lock} is held by pid ${holder}`);
  await sleep(500);
}

async function withLock(name, action) {
  fs.mkdirSync(INSTANCES, { recursive: true });
  const lock = path.join(INSTANCES, `${name}.lock`);
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      await waitForLock(lock, deadline);
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function tail(file, lines = 40) {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Ready means yellow and licensed: a fresh node answers `GET _license` with 404 for a moment after
 * it turns yellow, and security features (API keys, tokens) depend on the license.
 */
async function waitForReady(url, pid) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const answersOk = async (pathAndQuery) => {
    try {
      const response = await fetch(`${url}${pathAndQuery}`, {
        headers: SUPERUSER_HEADERS,
        signal: AbortSignal.timeout(5_000),
      });
      return response.ok;
    } catch {
      return false; // not listening yet
    }
  };
  while (Date.now() < deadline) {
    if (!isAlive(-pid)) throw new Error('Elasticsearch exited while starting');
    if (
      (await answersOk('/_cluster/health?wait_for_status=yellow&timeout=1s')) &&
      (await answersOk('/_license'))
    ) {
      return;
    }
    await sleep(500);
  }
  throw new Error(`Elasticsearch was not yellow and licensed within ${START_TIMEOUT_MS / 1000}s`);
}

function failureReport(error, paths) {
  // The console log has the launcher's errors as well as the node's own log lines.
  return new Error(`${error.message}\n--- tail of ${paths.console}\n${tail(paths.console)}`);
}

// ---------------------------------------------------------------- start / stop

function launch(paths, { home, jdk, heap, user }) {
  const env = {
    ...process.env,
    ES_JAVA_HOME: jdk.home,
    ES_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
    ES_PATH_CONF: paths.config,
    ES_TMPDIR: paths.tmp,
  };
  // The launcher only warns about JAVA_HOME; ES_JAVA_HOME is what it uses.
  delete env.JAVA_HOME;
  const output = fs.openSync(paths.console, 'a');
  const child = spawn(path.join(home, 'bin', 'elasticsearch'), [], {
    cwd: paths.logs, // gc.log and hs_err files are relative to the working directory
    env,
    detached: true,
    stdio: ['ignore', output, output],
    ...(user ?? {}),
  });
  fs.closeSync(output);
  child.unref();
  return child.pid;
}

/** Launches the instance's node and waits for it; a node that does not get ready is stopped. */
async function launchAndWait(paths, state, { onFailure }) {
  const startedAt = Date.now();
  const user = runAsUser();
  const pid = launch(paths, { home: state.home, jdk: { home: state.jdk }, heap: state.heap, user });
  fs.writeFileSync(paths.state, `${JSON.stringify({ ...state, pid, startedAt }, null, 2)}\n`);
  try {
    await waitForReady(state.url, pid);
  } catch (error) {
    await killGroup(pid);
    onFailure();
    throw failureReport(error, paths);
  }
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)}s at ${state.url}`);
  return { url: urlWithSuperuser(state.url), version: state.version, pid, reused: false };
}

async function startFresh(paths, { name, heap }) {
  const { version, jdk } = chooseDistribution();
  const home = unpackDistribution(version, jdk);
  const user = runAsUser();
  if (user) [home, jdk.home].forEach(assertReachableByOthers);
  fs.rmSync(paths.dir, { recursive: true, force: true });
  for (const dir of [paths.data, paths.logs, paths.tmp]) fs.mkdirSync(dir, { recursive: true });
  const [httpPort, transportPort] = await freePorts(2);
  writeConfig(paths, { name, home, httpPort, transportPort });
  if (user) chownTree(paths.dir, user);

  log(`starting Elasticsearch ${version} (${name}) on Java ${jdk.major} from ${jdk.home}`);
  const url = `http://127.0.0.1:${httpPort}`;
  const state = {
    name,
    url,
    transportPort,
    version,
    jdk: jdk.home,
    javaMajor: jdk.major,
    home,
    heap,
  };
  // A node that never got ready holds nothing worth keeping: the next start is a fresh one.
  return launchAndWait(paths, state, { onFailure: () => fs.rmSync(paths.state, { force: true }) });
}

/**
 * Starts a node that died again, as it was: its distribution, heap, configuration (keystore and
 * ports included) and data. Should it not get ready, its data stays for another try.
 */
async function restart(paths, state) {
  const httpPort = Number(new URL(state.url).port);
  for (const port of [httpPort, state.transportPort].filter(Boolean)) {
    await assertPortFree(port, state.name);
  }
  log(`restarting ${state.name} on its data and port ${httpPort}`);
  return launchAndWait(paths, state, { onFailure: () => undefined });
}

/**
 * Starts the named instance; resolves once the cluster is yellow. A running one is reused, a
 * dead or hung one is started again on its data.
 */
export async function startElasticsearch({ name = 'dev', heap = '1g' } = {}) {
  if (!/^\d+[kmg]$/i.test(heap)) throw new Error(`heap must look like 512m or 1g: ${heap}`);
  const paths = instancePaths(name);
  return withLock(name, async () => {
    const state = readState(paths);
    if (isOurGroup(state)) {
      if (await answers(state.url)) {
        log(`${name} is already running at ${state.url}`);
        return {
          url: urlWithSuperuser(state.url),
          version: state.version,
          pid: state.pid,
          reused: true,
        };
      }
      log(`${name} (pid ${state.pid}) does not answer; restarting it`);
      await killGroup(state.pid);
    }
    const restartable = state && fs.existsSync(paths.data) && fs.existsSync(paths.config);
    return restartable ? restart(paths, state) : startFresh(paths, { name, heap });
  });
}

/** Stops the named instance and removes its data; a no-op when it is not running. */
export async function stopElasticsearch({ name = 'dev' } = {}) {
  const paths = instancePaths(name);
  await withLock(name, async () => {
    const state = readState(paths);
    if (isOurGroup(state)) {
      log(`stopping ${name} (pid ${state.pid})`);
      await killGroup(state.pid);
    }
    for (const dir of [paths.data, paths.tmp, paths.config, paths.state]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** The URL and process group of the named instance when it is running and answering. */
export async function elasticsearchStatus({ name = 'dev' } = {}) {
  const state = readState(instancePaths(name));
  return isOurGroup(state) && (await answers(state.url))
    ? { url: urlWithSuperuser(state.url), pid: state.pid }
    : undefined;
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = {};
  for (let i = 0; i < rest.length; i += 1) {
    const [flag, inline] = rest[i].split('=', 2);
    if (flag !== '--name' && flag !== '--heap') throw new Error(`unknown option ${rest[i]}`);
    const value = inline ?? rest[++i];
    if (!value) throw new Error(`${flag} needs a value`);
    options[flag.slice(2)] = value;
  }
  return { command, options };
}

async function main(argv) {
  const { command, options } = parseArgs(argv);
  if (command === 'start') {
    const { url, reused, pid } = await startElasticsearch(options);
    if (reused) process.stdout.write('ES_REUSED=true\n');
    process.stdout.write(`ES_PID=${pid}\nES_URL=${url}\n`);
  } else if (command === 'stop') {
    await stopElasticsearch(options);
  } else if (command === 'status') {
    const status = await elasticsearchStatus(options);
    if (!status) {
      log(`${options.name ?? 'dev'} is not running`);
      return 1;
    }
    process.stdout.write(`ES_PID=${status.pid}\nES_URL=${status.url}\n`);
  } else {
    log('usage: node scripts/es.mjs start|stop|status [--name NAME] [--heap 1g]');
    return 2;
  }
  return 0;
}

function invokedDirectly() {
  try {
    return fs.realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      log(error.message);
      process.exit(1);
    }
  );
}
