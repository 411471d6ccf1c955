import { Client } from '@elastic/elasticsearch';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  addSettledTenant,
  CHAOS_SECRET,
  collectArgs,
  freshStateDir,
  readCliCheckpoint,
  SECRET_ENV,
} from '../test/collector/chaos_tenant';
import { compareWithTruth } from '../test/collector/observations';
import { GraphEmulator } from '../test/graph_emulator';
import { REPO_ROOT } from '../test/host/plugin_manifest';
import { esUrl } from '../test/host/test_support';
import { copyCheckout, runBuild, TEST_KIBANA_VERSION } from '../test/build/plugin_zip';

const own = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const TARBALL = `${own.name}-cli-${own.version}.tgz`;
const TOP = `${own.name}-${own.version}`;

async function buildTarball(root = REPO_ROOT): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'emt-cli-build-'));
  const run = await runBuild(['--kibana-version', TEST_KIBANA_VERSION, '--out-dir', outDir], root);
  if (run.code !== 0) throw new Error(`build failed (${run.code}): ${run.stderr}`);
  expect(run.stdout).toContain(TARBALL);
  return outDir;
}

/** Every file under `dir`, relative, with `/`. */
function filesUnder(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = base ? `${base}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

describe('the command line tarball', () => {
  let outDir: string;
  // Unpacked where no node_modules lies above it: nothing can load from this checkout.
  let unpacked: string;
  let appDir: string;

  const cliArgs = (args: string[]) => [
    path.join(appDir, 'bin', 'exchange_message_trace.js'),
    ...args,
  ];
  const cliEnv = (env: NodeJS.ProcessEnv) => ({ PATH: process.env.PATH, ...env });
  const cli = (args: string[]) =>
    spawnSync(process.execPath, cliArgs(args), {
      cwd: unpacked,
      encoding: 'utf8',
      env: cliEnv({}),
    });
  /** Without blocking this process, where the Graph emulator answers it. */
  const cliAsync = async (args: string[], env: NodeJS.ProcessEnv) => {
    try {
      const run = await promisify(execFile)(process.execPath, cliArgs(args), {
        cwd: unpacked,
        env: cliEnv(env),
        maxBuffer: 16 * 1024 * 1024,
      });
      return { ...run, status: 0 };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', status: failed.code ?? 1 };
    }
  };

  beforeAll(async () => {
    outDir = await buildTarball();
    unpacked = mkdtempSync(path.join(os.tmpdir(), 'emt-cli-host-'));
    // With the system's tar, as an operator unpacks it.
    const untar = spawnSync('tar', ['-xzf', path.join(outDir, TARBALL), '-C', unpacked], {
      encoding: 'utf8',
    });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    appDir = path.join(unpacked, TOP);
  });

  afterAll(() => {
    for (const dir of [outDir, unpacked]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds one folder with compiled code and the production dependencies only', () => {
    expect(readdirSync(unpacked)).toEqual([TOP]);
    const files = filesUnder(appDir);
    const code = files.filter((file) => !file.startsWith('node_modules/'));
    expect(code).toContain('bin/exchange_message_trace.js');
    expect(code).toContain('server/cli/main.js');
    expect(code.filter((file) => /\.tsx?$|\.test\./.test(file))).toEqual([]);
    // The plugin's Kibana side is not part of the command line.
    expect(code).not.toContain('server/plugin.js');
    expect(code.filter((file) => file.startsWith('public/') || file.startsWith('target/'))).toEqual(
      []
    );
    for (const name of Object.keys(own.dependencies)) {
      expect(existsSync(path.join(appDir, 'node_modules', name, 'package.json'))).toBe(true);
    }
    for (const name of ['esbuild', 'jest', 'typescript', 'tsx', 'react', '@elastic/eui']) {
      expect(existsSync(path.join(appDir, 'node_modules', name))).toBe(false);
    }
    const manifest = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: own.name,
      version: own.version,
      bin: { 'exchange-message-trace': 'bin/exchange_message_trace.js' },
      dependencies: own.dependencies,
    });
  });

  it('answers --help and --version with nothing but Node', () => {
    const help = cli(['--help']);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('Usage:\n  exchange-message-trace collect');
    expect(help.status).toBe(0);
    const version = cli(['--version']);
    expect(version.stdout.trim()).toBe(own.version);
    expect(version.status).toBe(0);
  });

  it('collects from Graph into Elasticsearch exactly once, loading only its own files', async () => {
    const emulator = await GraphEmulator.start();
    const es = new Client({ node: esUrl() });
    try {
      const now = Date.now();
      const tenantId = addSettledTenant(emulator, 9151, 600, now);
      const stateDir = freshStateDir();
      const namespace = `tarball${now}`;
      const args = collectArgs({
        emulator,
        tenantId,
        esUrl: esUrl(),
        namespace,
        stateDir,
        extra: ['--lookback', '1d', '--page-size', '200'],
      });
      // --require runs first in the same process: at exit it lists every module file Node loaded.
      const loaded = path.join(stateDir, 'loaded.json');
      const probe = path.join(stateDir, 'probe.js');
      writeFileSync(
        probe,
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`
      );
      const run = await cliAsync(args, {
        [SECRET_ENV]: CHAOS_SECRET,
        NODE_OPTIONS: `--require ${probe}`,
      });
      expect(run.stderr).not.toContain(CHAOS_SECRET);
      expect(run.status).toBe(0);
      const result = await compareWithTruth({
        es,
        emulator,
        tenantId,
        dataStream: `logs-microsoft_exchange_online_message_trace.log-${namespace}`,
        checkpoint: readCliCheckpoint(stateDir, tenantId, namespace),
      });
      expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
      expect(result.expected).toBeGreaterThan(200);
      expect(JSON.parse(run.stdout.trim().split('\n').pop()!).documents).toBe(result.expected);

      const modules = JSON.parse(readFileSync(loaded, 'utf8')) as string[];
      expect(modules.filter((file) => !file.startsWith(appDir) && file !== probe)).toEqual([]);
      expect(modules).toContain(
        path.join(appDir, 'node_modules', '@elastic', 'elasticsearch', 'index.js')
      );
      rmSync(stateDir, { recursive: true, force: true });
    } finally {
      await emulator.stop();
      await es.close();
    }
  });

  it('is byte-identical when built again from another checkout', async () => {
    const checkout = copyCheckout();
    const again = await buildTarball(checkout);
    try {
      expect(
        readFileSync(path.join(again, TARBALL)).equals(readFileSync(path.join(outDir, TARBALL)))
      ).toBe(true);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
      rmSync(again, { recursive: true, force: true });
    }
  }, 180_000);
});
