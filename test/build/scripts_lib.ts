import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../host/plugin_manifest';

const libModule = (name: string) =>
  JSON.stringify(path.join(REPO_ROOT, 'scripts', 'lib', `${name}.mjs`));

/**
 * Runs `body` (an async function body that sees `input` and returns JSON) in a child Node with
 * `imports` above it: the build's modules are ES modules, which jest's CommonJS runtime cannot
 * load. A thrown error comes back as an Error with the same message.
 */
function runModule(imports: string, body: string, input: unknown): unknown {
  const script = `${imports}
import { readFileSync } from 'node:fs';
const input = JSON.parse(readFileSync(0, 'utf8'));
let output;
try {
  output = { value: await (async () => { ${body} })() };
} catch (error) {
  output = { error: error.message };
}
process.stdout.write(JSON.stringify(output));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`child Node failed (${run.status}): ${run.stderr}`);
  const output = JSON.parse(run.stdout) as { value?: unknown; error?: string };
  if (output.error !== undefined) throw new Error(output.error);
  return output.value;
}

/** scripts/lib/bundle_version.mjs's bundleVersion, `files` as [name, text] pairs. */
export function bundleVersion(version: string, files: Array<[string, string]>): string {
  return runModule(
    `import { bundleVersion } from ${libModule('bundle_version')};`,
    'return bundleVersion(input.version, input.files);',
    { version, files }
  ) as string;
}

export interface SharedDepsBundle {
  /** A script that leaves the fixture module's exports in `var fixture`. */
  code: string;
  /** The specifiers taken from `__kbnSharedDeps__`. */
  used: string[];
}

/**
 * `source` (TSX, imports resolved from the repository) bundled with the plugin's esbuild plugin for
 * Kibana's shared deps and the automatic JSX runtime, as scripts/lib/public_bundle.mjs bundles
 * public/. esbuild's error message when the build fails.
 */
export function bundleWithSharedDeps(source: string): SharedDepsBundle {
  return runModule(
    `import * as esbuild from 'esbuild';
import { kibanaSharedDepsPlugin } from ${libModule('shared_deps')};`,
    `const used = new Set();
const result = await esbuild.build({
  stdin: { contents: input.source, loader: 'tsx', resolveDir: input.root },
  bundle: true,
  format: 'iife',
  globalName: 'fixture',
  platform: 'browser',
  jsx: 'automatic',
  write: false,
  logLevel: 'silent',
  plugins: [kibanaSharedDepsPlugin(used)],
});
return { code: result.outputFiles[0].text, used: [...used].sort() };`,
    { source, root: REPO_ROOT }
  ) as SharedDepsBundle;
}
