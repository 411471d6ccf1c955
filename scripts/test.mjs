// `npm test`: installs what is missing, then type-checks, lints, checks formatting and conventions,
// and runs the unit, integration (real Elasticsearch), browser (Chromium) and emulator scale tests.
// Prints `N passed, N failed` as its last line (CI greps it), after the same split into the
// plugin's tests, the tests of the host and the Graph emulator, and the checks. Extra arguments go
// to jest.
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

/**
 * Test files of the stand-ins rather than of the plugin: the host in place of Kibana, the Graph
 * emulator, the test Elasticsearch node and the build's Kibana harness. Everything else (the
 * plugin's code, its collector, CLI, browser pages and its build scripts) is the plugin's.
 */
const INFRASTRUCTURE = ['test/host/', 'test/graph_emulator/', 'test/es/', 'test/build/'];

const tally = (passed = 0, failed = 0) => ({ passed, failed });
const format = ({ passed, failed }) => `${passed} passed, ${failed} failed`;

/** Passed and failed tests per kind of file, from jest's --json report; undefined without one. */
function jestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { plugin: tally(), infrastructure: tally() };
  for (const suite of report.testResults) {
    const relative = path.relative(root, suite.name).split(path.sep).join('/');
    const kind = INFRASTRUCTURE.some((prefix) => relative.startsWith(prefix))
      ? counts.infrastructure
      : counts.plugin;
    const failed = suite.assertionResults.filter((test) => test.status === 'failed').length;
    kind.passed += suite.assertionResults.filter((test) => test.status === 'passed').length;
    // A file that failed without a failing test never ran (an import or a hook threw): one failure.
    kind.failed += failed + (suite.status === 'failed' && failed === 0 ? 1 : 0);
  }
  return counts;
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
  if (!tests) process.stdout.write(`\njest wrote no report (${results}): counted as one failure\n`);
  const { plugin, infrastructure } = tests ?? { plugin: tally(), infrastructure: tally() };
  const checked = tally(checks.filter(Boolean).length, checks.filter((ok) => !ok).length);
  const total = tally(
    plugin.passed + infrastructure.passed + checked.passed,
    plugin.failed + infrastructure.failed + checked.failed + (tests ? 0 : 1)
  );
  process.stdout.write(
    `\nplugin: ${format(plugin)} · host and emulator: ${format(infrastructure)} · checks: ${format(checked)}\n`
  );
  process.stdout.write(`${format(total)}\n`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
