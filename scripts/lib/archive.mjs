// Writing the zip and the brotli copies, and measuring the public bundle.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';

// A fixed time stamp keeps two builds of the same sources byte-identical.
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');
const UNIX = 3;

async function walk(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else files.push(full);
  }
  return files.sort();
}

/**
 * Zips `<buildDir>/kibana/**` under the name `kibana/` (the layout of plugin-helpers'
 * create_archive.ts, which Kibana's installer expects), keeping the executable bit of bin/ files.
 */
export async function writeZip({ buildDir, zipFile }) {
  const root = path.join(buildDir, 'kibana');
  const entries = {};
  for (const file of await walk(root)) {
    const name = `kibana/${path.relative(root, file).split(path.sep).join('/')}`;
    const { mode } = await stat(file);
    const permissions = mode & 0o111 ? 0o755 : 0o644;
    entries[name] = [
      await readFile(file),
      { mtime: ZIP_MTIME, os: UNIX, attrs: ((0o100000 | permissions) << 16) >>> 0 },
    ];
  }
  const zip = zipSync(entries, { level: 9 });
  await writeFile(zipFile, zip);
  return { entries: Object.keys(entries).length, bytes: zip.length };
}

/** Kibana's bundle route serves `<file>.br` to browsers that accept brotli, as plugin-helpers writes. */
export function brotli(contents) {
  return brotliCompressSync(contents, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: contents.length,
    },
  });
}

export function sizesOf(contents) {
  return {
    bytes: contents.length,
    gzip: gzipSync(contents).length,
    brotli: brotli(contents).length,
  };
}
