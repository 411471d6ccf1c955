// server/** and common/** as Kibana runs them: CommonJS, one .js per source file (not bundled),
// so `require('@kbn/config-schema')` in server/index.js stays a runtime require that Kibana's
// own node_modules answers, and production dependencies load from the plugin's node_modules.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

// Node 20 is the oldest Node the plugin supports (package.json engines); Kibana 9.5 runs 22 or 24.
const NODE_TARGET = 'node20';
const TEST_FILE = /(^|\/)(__tests__|__mocks__)\/|\.(test|test\.mocks|mock|mocks)\.[^/]+$/;

async function listFiles(dir, root) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(full, root)));
    else found.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return found;
}

/**
 * The source files the server entries reach through runtime imports. A server file no entry
 * reaches is used by tests only (helpers, fixtures) and is left out of the zip.
 */
async function reachableSources(root, entries) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    outdir: path.join(root, '.cache', 'build-reachability'),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return new Set(Object.keys(result.metafile.inputs));
}

/**
 * Writes the compiled files under `stageDir` and returns what went in and what was left out.
 * `entries` are source paths relative to `root` (server/index.ts, the CLI's main).
 */
export async function writeServerFiles({ root, stageDir, entries }) {
  const reachable = await reachableSources(root, entries);
  const outside = [...reachable].filter(
    (file) => !file.startsWith('server/') && !file.startsWith('common/')
  );
  if (outside.length) {
    throw new Error(`Server code imports files outside server/ and common/: ${outside.join(', ')}`);
  }
  const candidates = [
    ...(await listFiles(path.join(root, 'server'), root)),
    ...(await listFiles(path.join(root, 'common'), root)),
  ].sort();
  const included = [];
  const skipped = [];
  for (const file of candidates) {
    const isSource = /\.(ts|tsx|js|json)$/.test(file) && !/\.d\.ts$/.test(file);
    const testOnly = TEST_FILE.test(file) || (file.startsWith('server/') && !reachable.has(file));
    if (!isSource || testOnly) {
      skipped.push(file);
      continue;
    }
    included.push(file);
  }
  await Promise.all(
    included.map(async (file) => {
      const source = await readFile(path.join(root, file), 'utf8');
      const isJson = file.endsWith('.json');
      const outFile = isJson ? file : file.replace(/\.(ts|tsx)$/, '.js');
      const code = isJson
        ? source
        : (
            await esbuild.transform(source, {
              loader: path.extname(file).slice(1),
              format: 'cjs',
              platform: 'node',
              target: NODE_TARGET,
              sourcefile: file,
              jsx: 'automatic',
              // `await import('./plugin')` must become `require('./plugin')` (as Kibana's Babel
              // build does): Node's ESM loader would not find the extensionless CommonJS file.
              supported: { 'dynamic-import': false },
            })
          ).code;
      await mkdir(path.dirname(path.join(stageDir, outFile)), { recursive: true });
      await writeFile(path.join(stageDir, outFile), code);
    })
  );
  return { included, skipped };
}
