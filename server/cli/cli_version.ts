import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'exchange-message-trace';

/**
 * The version of the package this command belongs to: the nearest package.json above it named
 * `exchange-message-trace`, so it is found in a checkout, in the installed plugin and in a bundle
 * of the command alike.
 */
export function cliVersion(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === PACKAGE_NAME && manifest.version) return manifest.version;
    }
    if (dir === path.dirname(dir)) return 'unknown';
  }
}
