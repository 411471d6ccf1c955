// Builds `target/public` in the layout Kibana serves at `/bundles/plugin/<id>/<version>/`.
//
// How: esbuild bundles public/index.ts once with code splitting (which needs ESM output), every
// library Kibana provides mapped to `__kbnSharedDeps__` (./shared_deps.mjs). Each output file is
// then converted to CommonJS by esbuild and wrapped as a module of the small runtime in
// ./bundle_runtime.mjs: the entry and what it imports statically become `<id>.plugin.js`, each
// file reached only through `import()` becomes `<id>.chunk.<n>.js`. Kibana loads the entry with a
// classic <script>, so it may hold no ESM syntax; chunks load by <script> too, from the public path.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chunkSource, entrySource, moduleFactory } from './bundle_runtime.mjs';
import { kibanaSharedDepsPlugin } from './shared_deps.mjs';

const TARGET = 'es2020';
const DYNAMIC_IMPORT = /\bimport\("\.\/([\w.-]+\.js)"\)/g;

/** Files reachable from `start` through the given kind of import (`import-statement` here). */
function closure(outputs, start, kinds) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (kinds.includes(imported.kind) && !imported.external) visit(imported.path);
    }
  };
  visit(start);
  return seen;
}

async function toModule(id, code, dynamicImports) {
  const { code: cjs } = await esbuild.transform(code, {
    format: 'cjs',
    target: TARGET,
    minify: true,
    loader: 'js',
  });
  let rewritten = 0;
  const body = cjs.replace(DYNAMIC_IMPORT, (_match, file) => {
    rewritten += 1;
    return `__kbnImport__(${JSON.stringify(file)})`;
  });
  // The rewrite is textual, so it must account for exactly the dynamic imports esbuild reports.
  if (rewritten !== dynamicImports) {
    throw new Error(
      `${id}: found ${rewritten} chunk import() calls, esbuild reports ${dynamicImports}`
    );
  }
  return moduleFactory(id, body);
}

/**
 * @returns {Promise<{ files: Map<string, Buffer>, report: object }>} `files` by name under
 *   target/public; `report` lists the sources in each file and the shared deps the bundle uses.
 */
export async function buildPublicBundle({ root, pluginId }) {
  const usedSharedDeps = new Set();
  const outdir = path.join(root, 'target', 'public', '.esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [pluginId]: path.join(root, 'public', 'index.ts') },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [kibanaSharedDepsPlugin(usedSharedDeps)],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const rel = (file) => path.relative(root, file).split(path.sep).join('/');
  const outputs = result.metafile.outputs;
  const css = Object.keys(outputs).filter((file) => file.endsWith('.css'));
  if (css.length) {
    throw new Error(
      `The public code imports CSS (${css.join(', ')}); style with EUI/Emotion instead.`
    );
  }
  const entryFile = rel(path.join(outdir, `${pluginId}.js`));
  const staticFiles = closure(outputs, entryFile, ['import-statement']);
  const lazyOutputs = Object.keys(outputs)
    .filter((file) => !staticFiles.has(file))
    .sort();
  const moduleId = (file) => path.basename(file);
  const fileName = new Map([...staticFiles].map((file) => [file, `${pluginId}.plugin.js`]));
  lazyOutputs.forEach((file, index) => fileName.set(file, `${pluginId}.chunk.${index}.js`));

  // For every module reached by import(): the chunk files to load before requiring it.
  const lazyFiles = {};
  for (const file of Object.keys(outputs)) {
    for (const imported of outputs[file].imports) {
      if (imported.kind !== 'dynamic-import') continue;
      const needed = [...closure(outputs, imported.path, ['import-statement'])]
        .filter((dep) => !staticFiles.has(dep))
        .map((dep) => fileName.get(dep));
      lazyFiles[moduleId(imported.path)] = [...new Set(needed)].sort();
    }
  }

  const codeByFile = new Map(result.outputFiles.map((file) => [rel(file.path), file.text]));
  const moduleOf = (file) =>
    toModule(
      moduleId(file),
      codeByFile.get(file),
      outputs[file].imports.filter((imported) => imported.kind === 'dynamic-import').length
    );
  const entryModules = await Promise.all([...staticFiles].sort().map(moduleOf));
  const files = new Map();
  const entry = entrySource({
    pluginId,
    entryModuleId: moduleId(entryFile),
    modules: `[${entryModules.join(',')}]`,
    lazyFiles,
  });
  const minify = async (code) =>
    (await esbuild.transform(code, { minify: true, target: TARGET, loader: 'js' })).code;
  files.set(`${pluginId}.plugin.js`, Buffer.from(await minify(entry)));
  for (const file of lazyOutputs) {
    const source = chunkSource(pluginId, `[${await moduleOf(file)}]`);
    files.set(fileName.get(file), Buffer.from(await minify(source)));
  }

  const sources = {};
  for (const [file, output] of Object.entries(outputs)) {
    const name = fileName.get(file);
    sources[name] = [...(sources[name] ?? []), ...Object.keys(output.inputs)].sort();
  }
  return { files, report: { sources, sharedDeps: [...usedSharedDeps].sort() } };
}
