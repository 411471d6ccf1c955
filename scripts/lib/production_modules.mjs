// The plugin's production dependency trees, copied from the installed node_modules. The set comes
// from package-lock.json (entries npm does not mark `dev`/`devOptional`), the same set
// `npm ci --omit=dev` installs, without running npm or reaching the registry during a build.
import { cp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

// Types and source maps are never loaded at runtime; leaving them out keeps the zip smaller.
const NOT_NEEDED_AT_RUNTIME = /\.(d\.ts|d\.mts|d\.cts|map)$/;

/** `node_modules/a/node_modules/b` → `b`. */
function packageNameOf(lockPath) {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

export async function productionPackages(root) {
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8'));
  if (!lock.packages)
    throw new Error('package-lock.json has no "packages" (npm 7+ lockfile needed)');
  const packages = [];
  for (const [lockPath, entry] of Object.entries(lock.packages)) {
    if (!lockPath || entry.dev || entry.devOptional || entry.link) continue;
    const name = packageNameOf(lockPath);
    // Only declarations; a production dependency never needs them at runtime.
    if (name.startsWith('@types/')) continue;
    const dir = path.join(root, lockPath);
    if (!existsSync(dir)) {
      if (entry.optional) continue; // another platform's optional binary
      throw new Error(`${lockPath} is in package-lock.json but not installed: run \`npm ci\``);
    }
    const installed = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    if (installed.version !== entry.version) {
      throw new Error(
        `${lockPath} is ${installed.version}, package-lock.json says ${entry.version}: run \`npm ci\``
      );
    }
    packages.push({ lockPath, name, version: entry.version });
  }
  return packages.sort((a, b) => a.lockPath.localeCompare(b.lockPath));
}

/** Copies each package without its nested node_modules (those are lockfile entries of their own). */
export async function copyProductionModules({ root, stageDir }) {
  const packages = await productionPackages(root);
  for (const { lockPath } of packages) {
    const source = path.join(root, lockPath);
    await cp(source, path.join(stageDir, lockPath), {
      recursive: true,
      dereference: true,
      filter: (file) => {
        const relative = path.relative(source, file);
        if (relative.split(path.sep).includes('node_modules')) return false;
        return !NOT_NEEDED_AT_RUNTIME.test(file);
      },
    });
  }
  return packages;
}
