// `npm start`: installs what is missing, then runs Elasticsearch and the standalone Kibana host
// with the plugin on http://127.0.0.1:5601.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure_dependencies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const host = spawn(tsx, [path.join(root, 'test', 'host', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 1));
