import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { globBase, globDepth, globProblem, globToRegExp, isAllowedPath } from './configured_paths';

/** Deeper than any export folder; keeps a `**` from walking a whole tree. */
const MAX_DEPTH = 12;

async function walk(dir: string, levels: number, visit: (file: string) => void): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // A directory that is missing or unreadable holds nothing to import (yet).
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links are never followed: a link can point anywhere outside the globs.
    if (entry.isFile()) visit(full);
    else if (entry.isDirectory() && levels > 1) await walk(full, levels - 1, visit);
  }
}

/** The regular files the configured globs match now, sorted; invalid globs match nothing. */
export async function findConfiguredFiles(globs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const glob of globs) {
    if (globProblem(glob) !== undefined) continue;
    const pattern = globToRegExp(glob);
    await walk(globBase(glob), Math.min(globDepth(glob), MAX_DEPTH), (file) => {
      if (pattern.test(file) && isAllowedPath(file, globs)) found.add(file);
    });
  }
  return [...found].sort();
}
