import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import * as IoTs from 'io-ts';
import * as React from 'react';
import { CONFIG_PATH, STATUS_API_PATH } from '../common/constants';
import { readPluginManifest, REPO_ROOT } from '../test/host/plugin_manifest';
import { basicAuth, elasticsearchVersion } from '../test/host/test_support';
import { bundlePath, createKibanaPageHandler } from '../test/build/kibana_page/page_handler';
import { kibanaManifestErrors } from '../test/build/kibana_manifest_rules';
import { bundleVersion } from '../test/build/scripts_lib';
import {
  buildAndUnpack,
  copyCheckout,
  PLUGIN_ID,
  readModes,
  runBuild,
  TEST_KIBANA_VERSION,
  type BuiltZip,
} from '../test/build/plugin_zip';
import { startZipServer, type RunnerReport } from '../test/build/zip_server';

const PREFIX = `kibana/${PLUGIN_ID}/`;
const KB = 1024;

/** Libraries Kibana's page provides: the zip must not carry them, neither bundled nor installed. */
const KIBANA_PROVIDED = [
  'react',
  'react-dom',
  '@elastic/eui',
  '@elastic/charts',
  'rxjs',
  'moment',
  '@emotion/react',
];

// One build of this checkout for the whole file: the blocks below inspect the same zip.
let built: BuiltZip;

const manifestOf = (zip: BuiltZip) =>
  JSON.parse(readFileSync(path.join(zip.pluginDir, 'kibana.json'), 'utf8'));
const publicFile = (zip: BuiltZip, name: string) =>
  readFileSync(path.join(zip.pluginDir, 'target', 'public', name), 'utf8');

beforeAll(async () => {
  built = await buildAndUnpack();
});

afterAll(() => {
  if (built) rmSync(built.outDir, { recursive: true, force: true });
});

describe('the plugin zip', () => {
  const file = (relative: string) => path.join(built.pluginDir, relative);
  const read = (relative: string) => readFileSync(file(relative), 'utf8');

  it('holds one plugin folder, kibana/exchangeMessageTrace/, in plugin-helpers layout', () => {
    expect(built.entries.filter((name) => !name.startsWith(PREFIX))).toEqual([]);
    for (const required of [
      'kibana.json',
      'package.json',
      'server/index.js',
      'server/plugin.js',
      'server/cli/main.js',
      'common/constants.js',
      'bin/exchange_message_trace.js',
      `target/public/${PLUGIN_ID}.plugin.js`,
      `target/public/${PLUGIN_ID}.plugin.js.br`,
    ]) {
      expect(built.entries).toContain(`${PREFIX}${required}`);
    }
    const own = built.entries
      .map((name) => name.slice(PREFIX.length))
      .filter((name) => !name.startsWith('node_modules/'));
    // Compiled JavaScript only: no sources, no tests, no browser source folder.
    expect(own.filter((name) => /\.tsx?$|\.test\.|__tests__|^public\//.test(name))).toEqual([]);
    expect(own.filter((name) => name.startsWith('server/') && !name.endsWith('.js'))).toEqual([]);
    // The command line stays executable after `bin/kibana-plugin install` unpacks it.
    expect(
      readModes(readFileSync(built.zipFile)).get(`${PREFIX}bin/exchange_message_trace.js`)! & 0o777
    ).toBe(0o755);
  });

  it('has a kibana.json that Kibana 9.5.3 accepts, generated from kibana.jsonc', () => {
    const manifest = JSON.parse(read('kibana.json'));
    expect(kibanaManifestErrors(manifest, TEST_KIBANA_VERSION)).toEqual([]);
    expect(manifest.kibanaVersion).toBe(TEST_KIBANA_VERSION);
    expect(manifest.configPath).toEqual([CONFIG_PATH]);
    expect(manifest.owner.name).toEqual(expect.any(String));
    const { kibanaVersion: _source, ...rest } = readPluginManifest();
    // The version names the browser code it ships (scripts/lib/bundle_version.mjs).
    const served = readdirSync(path.join(built.pluginDir, 'target', 'public'))
      .filter((name) => !name.endsWith('.br'))
      .map((name): [string, string] => [name, publicFile(built, name)]);
    expect(manifest).toEqual({
      ...rest,
      version: bundleVersion(rest.version, served),
      kibanaVersion: TEST_KIBANA_VERSION,
    });
    // …and that another Kibana version refuses.
    expect(kibanaManifestErrors(manifest, '9.5.2')).toEqual([
      `Plugin "${PLUGIN_ID}" is only compatible with Kibana version "9.5.3", but used Kibana version is "9.5.2".`,
    ]);
  });

  it('has a package.json with the production dependencies only', () => {
    const own = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(JSON.parse(read('package.json'))).toEqual({
      name: own.name,
      version: own.version,
      private: true,
      dependencies: own.dependencies,
    });
  });

  it('ships the production dependency trees and none of the libraries Kibana provides', () => {
    for (const name of [
      '@azure/msal-node',
      '@azure/msal-common',
      'io-ts',
      'fp-ts',
      'tldts',
      '@elastic/elasticsearch',
    ]) {
      expect(existsSync(file(`node_modules/${name}/package.json`))).toBe(true);
    }
    for (const name of [...KIBANA_PROVIDED, '@kbn', 'esbuild', 'jest', 'typescript']) {
      expect(existsSync(file(`node_modules/${name}`))).toBe(false);
    }
  });

  it('compiles the server to CommonJS that requires @kbn/config-schema at runtime', () => {
    const index = read('server/index.js');
    expect(index).toContain('require("@kbn/config-schema")');
    expect(index).not.toMatch(/^\s*(import|export)\s/m);
    // `await import('./plugin')` became a lazy require of the compiled sibling: Node's ESM loader
    // would not resolve the extensionless './plugin' from a CommonJS file.
    expect(index).toContain('require("./plugin")');
    const compiled = built.entries.filter((name) => /\/(server|common)\/.*\.js$/.test(name));
    for (const name of compiled) {
      expect(readFileSync(path.join(built.pluginDir, '..', '..', name), 'utf8')).not.toMatch(
        /\bimport\(/
      );
    }
  });

  it('runs the command line with the zip’s own node_modules', () => {
    // No Node module search path leads back to this repository from the temporary folder, so
    // @elastic/elasticsearch and msal-node load from the zip.
    // The entry imports every command statically, so --help loads them all.
    const run = spawnSync(process.execPath, [file('bin/exchange_message_trace.js'), '--help'], {
      cwd: built.pluginDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Usage:\n  exchange-message-trace collect');
    expect(run.status).toBe(0);
  });

  it('writes a brotli copy of every script, with the same contents', () => {
    const scripts = built.entries.filter((name) => /target\/public\/.*\.(js|css)$/.test(name));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const name of scripts) {
      const original = readFileSync(path.join(built.pluginDir, '..', '..', name));
      const compressed = readFileSync(path.join(built.pluginDir, '..', '..', `${name}.br`));
      expect(brotliDecompressSync(compressed).equals(original)).toBe(true);
    }
  });

  it('has a small classic-script entry that follows Kibana’s loader contract', () => {
    const entry = read(`target/public/${PLUGIN_ID}.plugin.js`);
    expect(statSync(file(`target/public/${PLUGIN_ID}.plugin.js`)).size).toBeLessThan(50 * KB);
    const chunks = built.entries.filter((name) => /\.chunk\.\d+\.js$/.test(name));
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    for (const chunk of chunks) {
      expect(statSync(path.join(built.pluginDir, '..', '..', chunk)).size).toBeLessThan(400 * KB);
    }

    // Without a public path it refuses to start rather than load chunks from the wrong place.
    expect(() => vm.runInNewContext(entry, { window: {}, self: {} })).toThrow(
      `window.__kbnPublicPath__["${PLUGIN_ID}"] is not set`
    );
    const defined: Array<[string, (key: string) => unknown, string]> = [];
    const window = { __kbnPublicPath__: { [PLUGIN_ID]: '/bundles/plugin/x/' } };
    vm.runInNewContext(entry, {
      window,
      self: window,
      __kbnBundles__: { define: (...args: (typeof defined)[number]) => defined.push(args) },
      // Kibana's page defines its shared libraries before any plugin bundle; the entry reads these
      // two as it loads (the rule types it registers in setup: their params codecs, lazy editors).
      __kbnSharedDeps__: { React, IoTs },
    });
    expect(defined.map(([key]) => key)).toEqual([`plugin/${PLUGIN_ID}/public`]);
    const [, bundleRequire, moduleKey] = defined[0]!;
    expect(typeof (bundleRequire(moduleKey) as { plugin: unknown }).plugin).toBe('function');
  });

  it('bundles only our own sources, taking every library from __kbnSharedDeps__', () => {
    const report = JSON.parse(
      readFileSync(built.zipFile.replace(/\.zip$/, '.report.json'), 'utf8')
    );
    const sources: string[] = Object.values(
      report.public.sources as Record<string, string[]>
    ).flat();
    expect(sources.filter((source) => source.includes('node_modules'))).toEqual([]);
    expect(report.public.sharedDeps).toEqual(
      expect.arrayContaining(['react', 'react-dom', '@elastic/eui'])
    );
    // The app page is not in the entry: it is fetched when the app mounts.
    expect(report.public.sources[`${PLUGIN_ID}.plugin.js`]).not.toContain('public/application.tsx');
    const all = built.entries
      .filter((name) => name.includes('/target/public/') && name.endsWith('.js'))
      .map((name) => readFileSync(path.join(built.pluginDir, '..', '..', name), 'utf8'))
      .join('\n');
    // Tell-tale strings of React's and EUI's own code.
    expect(all).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
    expect(all).not.toContain('euiPageTemplate');
    expect(all).toContain('__kbnSharedDeps__.ElasticEui');
  });
});

describe('the zip’s server/index.js in Node, set up and started by the standalone host', () => {
  let runner: ReturnType<typeof startZipServer> | undefined;
  let report: RunnerReport;

  beforeAll(async () => {
    runner = startZipServer(built.pluginDir);
    report = await runner.ready;
  });

  afterAll(async () => {
    if (runner && runner.child.exitCode === null) {
      const exited = new Promise((resolve) => runner!.child.once('exit', resolve));
      runner.child.kill('SIGTERM');
      await exited;
    }
  });

  it('loads in plain Node, with @kbn/config-schema from the Kibana root’s node_modules', async () => {
    // Kibana unpacks the zip into <kibana>/plugins/<id>; Node finds @kbn/* in <kibana>/node_modules.
    // Here the unpacked folder plays <kibana>, with the host's stand-in compiled to JavaScript.
    const kibanaRoot = path.join(built.pluginDir, '..', '..');
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'test', 'host', 'kbn_modules', 'config_schema.ts')],
      outfile: path.join(kibanaRoot, 'node_modules', '@kbn', 'config-schema', 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    const script = `
      const server = require(${JSON.stringify(path.join(built.pluginDir, 'server', 'index.js'))});
      const config = server.config.schema.validate({});
      const logger = { get: () => logger, debug() {}, info() {}, warn() {}, error() {} };
      server.plugin({ logger, config: { get: () => config } }).then((instance) => {
        console.log(JSON.stringify({
          setup: typeof instance.setup,
          start: typeof instance.start,
          schema: require.resolve('@kbn/config-schema', { paths: [${JSON.stringify(built.pluginDir)}] }),
          ioTs: Object.keys(require.cache).some((f) => f.includes('/exchangeMessageTrace/node_modules/io-ts/')),
        }));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: kibanaRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      setup: 'function',
      start: 'function',
      schema: path.join(kibanaRoot, 'node_modules', '@kbn', 'config-schema', 'index.js'),
      ioTs: true,
    });
  });

  it('validates an empty config with the stand-in @kbn/config-schema', () => {
    expect(report.configDefaults).toEqual({
      dataStream: { dataset: 'microsoft_exchange_online_message_trace.log' },
      graph: {},
      files: {
        paths: [],
        maxUploadBytes: 1024 ** 3,
        maxUploadRows: 1_000_000,
        localDomains: [],
        namespace: 'default',
        interval: '1m',
      },
    });
  });

  it('runs the compiled files and the zip’s dependencies, not this checkout’s sources', () => {
    expect(report.loadedFromZip).toEqual(
      expect.arrayContaining([
        'server/index.js',
        'server/plugin.js',
        'server/routes/status.js',
        expect.stringMatching(/^node_modules\/io-ts\//),
      ])
    );
    const repository = report.loadedFromRepository.map((file) => path.relative(REPO_ROOT, file));
    expect(repository).not.toContain('server/index.ts');
    expect(repository).not.toContain('server/plugin.ts');
  });

  it('answers the status route over HTTP', async () => {
    const response = await fetch(`${report.url}${STATUS_API_PATH}`, {
      headers: {
        authorization: basicAuth('elastic'),
        'kbn-xsrf': 'true',
        'x-elastic-internal-origin': 'Kibana',
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      kibanaVersion: string;
      elasticsearch: { version: string };
    };
    expect(body.kibanaVersion).toBe(TEST_KIBANA_VERSION);
    expect(body.elasticsearch.version).toBe(await elasticsearchVersion());
  });
});

describe('the browser bundle’s path, under which Kibana lets browsers cache it for a year', () => {
  const MARKER = 'rebuilt with other browser code';
  let checkout: string;
  let sameCode: BuiltZip;
  let otherCode: BuiltZip;

  beforeAll(async () => {
    checkout = copyCheckout();
    sameCode = await buildAndUnpack(checkout);
    appendFileSync(
      path.join(checkout, 'public', 'index.ts'),
      `export const marker = '${MARKER}';\n`
    );
    otherCode = await buildAndUnpack(checkout);
  }, 180_000);

  afterAll(() => {
    for (const dir of [checkout, sameCode?.outDir, otherCode?.outDir]) {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the same for the same code, built from another checkout', () => {
    expect(manifestOf(sameCode).version).toBe(manifestOf(built).version);
    expect(readFileSync(sameCode.zipFile).equals(readFileSync(built.zipFile))).toBe(true);
  });

  it('changes with the browser code at the same kibana.jsonc version', () => {
    const before = manifestOf(built).version;
    const after = manifestOf(otherCode).version;
    expect(after).not.toBe(before);
    expect(after.startsWith(`${readPluginManifest().version}-public-`)).toBe(true);
    expect(publicFile(otherCode, `${PLUGIN_ID}.plugin.js`)).toContain(MARKER);
    expect(publicFile(built, `${PLUGIN_ID}.plugin.js`)).not.toContain(MARKER);
  });

  describe('served as Kibana serves the installed zip', () => {
    let server: Server;
    let origin: string;
    const options = (zip: BuiltZip) => ({
      pluginId: PLUGIN_ID,
      pluginVersion: manifestOf(zip).version,
      kibanaVersion: TEST_KIBANA_VERSION,
      publicDir: path.join(zip.pluginDir, 'target', 'public'),
    });
    const entryUrl = (zip: BuiltZip) =>
      `${origin}${bundlePath(options(zip))}${PLUGIN_ID}.plugin.js`;

    beforeAll(async () => {
      const pages = await createKibanaPageHandler(options(otherCode));
      server = createServer((req, res) => {
        void pages(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => {
          if (!handled) res.writeHead(404).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('serves the new code at the new path only; the old path answers 404', async () => {
      const fresh = await fetch(entryUrl(otherCode), {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(fresh.status).toBe(200);
      // dynamic_asset_response.ts in a distributable: `public, max-age=${365 * DAY}, immutable`.
      expect(fresh.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await fresh.text()).toBe(publicFile(otherCode, `${PLUGIN_ID}.plugin.js`));

      const stale = await fetch(entryUrl(built));
      expect(stale.status).toBe(404);
    });
  });
});

describe('npm run build options', () => {
  it.each(['9.5', '9.5.x', 'v9.5.3'])(
    'refuses --kibana-version %s with a clear message',
    async (version) => {
      const run = await runBuild([
        '--kibana-version',
        version,
        '--out-dir',
        path.join(REPO_ROOT, '.cache', 'never'),
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `--kibana-version must be an exact Kibana version like 9.5.3 (major.minor.patch), got "${version}"`
      );
      expect(existsSync(path.join(REPO_ROOT, '.cache', 'never'))).toBe(false);
    }
  );

  it('--manifest-only writes the flat kibana.json at the repository root for plugin-helpers', async () => {
    const target = path.join(REPO_ROOT, 'kibana.json');
    const before = existsSync(target) ? readFileSync(target) : undefined;
    try {
      const run = await runBuild(['--manifest-only', '--kibana-version', '9.5.1']);
      expect(run.code).toBe(0);
      const manifest = JSON.parse(readFileSync(target, 'utf8'));
      expect(manifest.kibanaVersion).toBe('9.5.1');
      expect(kibanaManifestErrors(manifest, '9.5.1')).toEqual([]);
    } finally {
      if (before) writeFileSync(target, before);
      else rmSync(target, { force: true });
    }
  });
});
