import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';

/** Installs npm packages when node_modules is missing or older than the lockfile. */
export function ensureDependencies(root) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  // A worktree sharing another checkout's install through a link: `npm ci` would empty the
  // linked folder under every checkout that shares it, then install here alone.
  if (lstatSync(path.join(root, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) {
    process.stdout.write('node_modules is a link to a shared install: not reinstalling it\n');
    return;
  }
  process.stdout.write('Installing npm packages (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm ci failed');
}

/** Debian's Chromium for the browser tests; browser downloads are impossible here. */
export function ensureChromium(root) {
  const result = spawnSync('bash', [path.join(root, 'scripts', 'install_chromium.sh')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Installing Chromium failed');
}
