// `npm run build -- --kibana-version 9.5.3`: the installable plugin zip, built from this repository
// alone (no Kibana checkout), in the layout @kbn/plugin-helpers produces:
//   build/exchangeMessageTrace-<kibanaVersion>.zip
//   └─ kibana/exchangeMessageTrace/ kibana.json package.json server/ common/ bin/
//                                   target/public/ node_modules/
// The zip's kibana.json has kibana.jsonc's `version` with a digest of target/public appended, so
// that Kibana's bundle URL changes whenever the browser code does (./lib/bundle_version.mjs).
// It also writes build/exchange-message-trace-cli-<version>.tgz, the command line alone for hosts
// without Kibana (./lib/cli_tarball.mjs).
// `--manifest-only` writes just the flat kibana.json at the repository root, for building inside a
// Kibana checkout with `yarn plugin-helpers build` (which cannot read kibana.jsonc).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure_dependencies.mjs';
import { assertExactVersion, flatManifest, readSourceManifest } from './lib/plugin_manifest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The command line ships too: `node plugins/exchangeMessageTrace/bin/exchange_message_trace.js`
// runs a collection from the Kibana host with the compiled code and the bundled dependencies.
const SERVER_ENTRIES = ['server/index.ts', 'server/cli/main.ts'];
const USAGE =
  'Usage: npm run build -- [--kibana-version 9.5.3] [--out-dir build] [--manifest-only] [--write-benchmarks]';

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { outDir: path.join(ROOT, 'build'), manifestOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--kibana-version' || flag === '-k') options.kibanaVersion = value();
    else if (flag === '--out-dir') options.outDir = path.resolve(value());
    else if (flag === '--manifest-only') options.manifestOnly = true;
    else if (flag === '--write-benchmarks') options.writeBenchmarks = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new UsageError(`Unknown option ${argv[i]}`);
  }
  return options;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

async function zipPackageJson() {
  const own = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  return { name: own.name, version: own.version, private: true, dependencies: own.dependencies };
}

async function writePublic(stageDir, pluginId) {
  const { buildPublicBundle } = await import('./lib/public_bundle.mjs');
  const { brotli, sizesOf } = await import('./lib/archive.mjs');
  const { files, report } = await buildPublicBundle({ root: ROOT, pluginId });
  const dir = path.join(stageDir, 'target', 'public');
  await mkdir(dir, { recursive: true });
  const sizes = {};
  for (const [name, contents] of files) {
    await writeFile(path.join(dir, name), contents);
    await writeFile(path.join(dir, `${name}.br`), brotli(contents));
    sizes[name] = sizesOf(contents);
  }
  return { report: { ...report, sizes }, files };
}

async function build(options) {
  const source = await readSourceManifest(ROOT);
  const kibanaVersion = options.kibanaVersion ?? source.kibanaVersion;
  assertExactVersion(
    kibanaVersion,
    options.kibanaVersion ? '--kibana-version' : 'kibanaVersion in kibana.jsonc'
  );
  const manifest = flatManifest(source, kibanaVersion);

  if (options.manifestOnly) {
    await writeFile(path.join(ROOT, 'kibana.json'), json(manifest));
    console.log(`Wrote kibana.json (kibanaVersion ${kibanaVersion}) for @kbn/plugin-helpers`);
    return;
  }

  // A fresh clone has no node_modules yet: install them (npm ci) before loading esbuild and fflate.
  ensureDependencies(ROOT);
  const { writeZip } = await import('./lib/archive.mjs');
  const { bundleVersion } = await import('./lib/bundle_version.mjs');
  const { writeBundleSizes } = await import('./lib/bundle_sizes_doc.mjs');
  const { copyProductionModules } = await import('./lib/production_modules.mjs');
  const { writeCliTarball } = await import('./lib/cli_tarball.mjs');
  const { writeServerFiles } = await import('./lib/server_files.mjs');
  const started = Date.now();
  const pluginId = manifest.id;
  const stageDir = path.join(options.outDir, 'kibana', pluginId);
  await rm(path.join(options.outDir, 'kibana'), { recursive: true, force: true });
  await mkdir(stageDir, { recursive: true });

  await writeFile(path.join(stageDir, 'package.json'), json(await zipPackageJson()));
  const server = await writeServerFiles({ root: ROOT, stageDir, entries: SERVER_ENTRIES });
  await mkdir(path.join(stageDir, 'bin'), { recursive: true });
  await copyFile(
    path.join(ROOT, 'bin', 'exchange_message_trace.js'),
    path.join(stageDir, 'bin', 'exchange_message_trace.js')
  );
  const { report: publicReport, files: publicFiles } = await writePublic(stageDir, pluginId);
  // Kibana serves target/public under the manifest version, cached for a year: other browser code
  // must get another version (./lib/bundle_version.mjs).
  const version = bundleVersion(manifest.version, publicFiles);
  await writeFile(path.join(stageDir, 'kibana.json'), json({ ...manifest, version }));
  const modules = await copyProductionModules({ root: ROOT, stageDir });

  const zipFile = path.join(options.outDir, `${pluginId}-${kibanaVersion}.zip`);
  const zip = await writeZip({ buildDir: options.outDir, zipFile });
  // Only the zip is the product; a second package.json named like ours under the repository
  // would also collide in jest's module map. `unzip` shows the contents.
  await rm(path.join(options.outDir, 'kibana'), { recursive: true, force: true });
  const report = {
    kibanaVersion,
    version,
    zip: { file: path.basename(zipFile), ...zip },
    public: publicReport,
    server,
    nodeModules: modules.map(({ lockPath, version }) => `${lockPath}@${version}`),
  };
  await writeFile(zipFile.replace(/\.zip$/, '.report.json'), json(report));
  const cli = await writeCliTarball({ root: ROOT, outDir: options.outDir });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (options.writeBenchmarks) {
    const doc = await writeBundleSizes({ root: ROOT, report, buildSeconds: seconds });
    console.log(`Wrote the "Bundle sizes" section of ${path.relative(ROOT, doc)}`);
  }
  for (const [name, size] of Object.entries(publicReport.sizes)) {
    console.log(`  target/public/${name}: ${size.bytes} B (${size.brotli} B brotli)`);
  }
  console.log(`  browser bundle path: /<kibana build>/bundles/plugin/${pluginId}/${version}/`);
  console.log(
    `  server+common: ${server.included.length} files; node_modules: ${modules.length} packages`
  );
  const shown = (file) =>
    file.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), file) : file;
  console.log(
    `Built ${shown(zipFile)} (${(zip.bytes / 1e6).toFixed(1)} MB, ${zip.entries} files) ` +
      `for Kibana ${kibanaVersion} in ${seconds} s`
  );
  console.log(
    `Built ${shown(cli.file)} (${(cli.bytes / 1e6).toFixed(1)} MB, ${cli.entries} entries): ` +
      `the command line alone, for Node 20 without Kibana`
  );
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
} else {
  build(options).catch((error) => {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  });
}
