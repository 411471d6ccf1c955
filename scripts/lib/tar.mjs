// A gzipped POSIX ustar archive of a folder, byte-identical for the same files: entries sorted,
// owner root, a fixed time stamp, modes reduced to 0755/0644 and a gzip header without a time.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const BLOCK = 512;
const FIXED_MTIME_SECONDS = Date.parse('2026-01-01T00:00:00Z') / 1000;

/** Splits a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) at a slash. */
function splitName(name) {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let cut = name.indexOf('/'); cut !== -1; cut = name.indexOf('/', cut + 1)) {
    const prefix = name.slice(0, cut);
    const rest = name.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) {
      return { name: rest, prefix };
    }
  }
  throw new Error(`Path too long for a ustar archive: ${name}`);
}

function header({ name, mode, size, type }) {
  const block = Buffer.alloc(BLOCK);
  const field = (offset, length, value) => block.write(value, offset, length, 'utf8');
  const octal = (offset, length, value) =>
    field(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  const split = splitName(name);
  field(0, 100, split.name);
  octal(100, 8, mode);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, FIXED_MTIME_SECONDS);
  field(148, 8, ' '.repeat(8));
  field(156, 1, type);
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  field(265, 32, 'root');
  field(297, 32, 'root');
  field(345, 155, split.prefix);
  let checksum = 0;
  for (const byte of block) checksum += byte;
  field(148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

async function entriesOf(dir, base) {
  const entries = [];
  const children = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  for (const child of children) {
    const full = path.join(dir, child.name);
    const name = `${base}/${child.name}`;
    if (child.isDirectory()) {
      entries.push({ name: `${name}/`, type: '5', mode: 0o755 });
      entries.push(...(await entriesOf(full, name)));
    } else if (child.isFile()) {
      const executable = (await stat(full)).mode & 0o111;
      entries.push({ name, type: '0', mode: executable ? 0o755 : 0o644, file: full });
    } else {
      throw new Error(`Only files and folders go into the archive: ${full}`);
    }
  }
  return entries;
}

/** Writes `<dir>` as `<top>/…` into a .tgz; returns the entry count and size. */
export async function writeTarGz({ dir, top, file }) {
  const entries = [{ name: `${top}/`, type: '5', mode: 0o755 }, ...(await entriesOf(dir, top))];
  const parts = [];
  for (const entry of entries) {
    const contents = entry.file ? await readFile(entry.file) : Buffer.alloc(0);
    parts.push(header({ ...entry, size: contents.length }), contents);
    const padding = (BLOCK - (contents.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  const archive = gzipSync(Buffer.concat(parts), { level: constants.Z_BEST_COMPRESSION });
  await writeFile(file, archive);
  return { entries: entries.length, bytes: archive.length };
}
