// `npm test`: installs what is missing, then type-checks, lints, checks formatting and conventions,
// and runs the unit, integration (real Elasticsearch) and browser (Chromium) tests.
// Prints `N passed, N failed` as its last line; extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureDependencies } from './lib/ensure_dependencies.mjs';
import { startElasticsearch, stopElasticsearch } from './es.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const ES_INSTANCE = 'test';

function run(label, command, args, env = process.env) {
  process.stdout.write(`\n== ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const ok = result.status === 0;
  process.stdout.write(
    `== ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`
  );
  return ok;
}

function jestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
  };
}

async function main() {
  ensureDependencies(root);
  ensureChromium(root);
  const checks = [
    run('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
    run('lint', bin('eslint'), ['--max-warnings', '0', '.']),
    run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']),
    run('conventions', process.execPath, [path.join(root, 'scripts', 'check_conventions.mjs')]),
  ];

  const ownElasticsearch = !process.env.ES_URL;
  const esUrl = ownElasticsearch
    ? (await startElasticsearch({ name: ES_INSTANCE })).url
    : process.env.ES_URL;
  const results = path.join(root, '.cache', 'jest-results.json');
  mkdirSync(path.dirname(results), { recursive: true });
  rmSync(results, { force: true });
  try {
    run(
      'jest',
      bin('jest'),
      ['--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
      {
        ...process.env,
        ES_URL: esUrl,
      }
    );
  } finally {
    if (ownElasticsearch) await stopElasticsearch({ name: ES_INSTANCE });
  }

  const tests = jestCounts(results);
  const passed = tests.passed + checks.filter(Boolean).length;
  const failed = tests.failed + checks.filter((ok) => !ok).length;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
