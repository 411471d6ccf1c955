// `npm run bench [collector …]`: measures the speed targets on this machine and writes them to
// docs/BENCHMARKS.md. Never part of `npm test`: timings are reported, not asserted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure_dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const result = spawnSync(
  tsx,
  [path.join(root, 'test', 'bench', 'run_benchmarks.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  }
);
process.exit(result.status ?? 1);
