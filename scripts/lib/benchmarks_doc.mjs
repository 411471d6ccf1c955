// docs/BENCHMARKS.md is written by several tools, each owning one `## ` section of it.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The machine a figure was measured on, as every section states it. */
export function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return `${os.availableParallelism()} CPUs (nproc), ${memory} memory, ${model}, Node ${process.version}`;
}

/** A Markdown table padded the way Prettier formats one, so `prettier --check` stays clean. */
export function markdownTable(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** Replaces the section under `heading` (up to the next `## `) or appends it; creates the file. */
export async function writeBenchmarkSection({ root, heading, text }) {
  const file = path.join(root, 'docs', 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`${heading}\n`);
  let next;
  if (start < 0) {
    next = `${current.trimEnd()}\n\n${text}`;
  } else {
    const end = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + text + (end < 0 ? '' : `\n${current.slice(end + 1)}`);
  }
  await writeFile(file, next);
  return file;
}
