import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from '../host/plugin_manifest';

export const PLUGIN_ID = 'exchangeMessageTrace';
/** The version the tests build for: the host's Kibana version, so the host accepts the manifest. */
export const TEST_KIBANA_VERSION = '9.5.3';

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run build -- <args>` in `root` (this repository or a copyCheckout), as a user runs it
 * (plain node, no tsx, no Kibana).
 */
export async function runBuild(args: string[], root = REPO_ROOT): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'scripts', 'build.mjs'), ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 }
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export interface BuiltZip {
  outDir: string;
  zipFile: string;
  /** Zip entry names, `kibana/exchangeMessageTrace/...`. */
  entries: string[];
  /** Where the zip was unpacked; the plugin folder is `<unpacked>/kibana/exchangeMessageTrace`. */
  pluginDir: string;
  build: BuildRun;
}

/** Writes every entry under `destDir`, keeping the Unix mode the zip records. */
export function unpackZip(zipFile: string, destDir: string): string[] {
  const zip = readFileSync(zipFile);
  const modes = readModes(zip);
  const files = unzipSync(zip);
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(destDir, name);
    if (!target.startsWith(destDir + path.sep)) throw new Error(`Zip entry escapes: ${name}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
    const mode = modes.get(name);
    if (mode) chmodSync(target, mode & 0o777);
  }
  return Object.keys(files).sort();
}

/**
 * The Unix mode of each entry (fflate's unzip does not expose it): central directory records
 * start with 0x02014b50 and hold the external attributes at +38 and the name at +46.
 */
export function readModes(zip: Buffer): Map<string, number> {
  const modes = new Map<string, number>();
  const endOfCentralDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(endOfCentralDirectory + 16);
  while (zip.readUInt32LE(offset) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    modes.set(name, zip.readUInt32LE(offset + 38) >>> 16);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return modes;
}

/** What `npm run build` reads from a checkout. */
const BUILD_INPUTS = [
  'bin',
  'common',
  'public',
  'server',
  'scripts',
  'kibana.jsonc',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * Another checkout of this repository in a temporary folder, sharing the installed node_modules,
 * so a test can change sources and build. Returns its root.
 */
export function copyCheckout(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'emt-checkout-'));
  for (const input of BUILD_INPUTS) {
    cpSync(path.join(REPO_ROOT, input), path.join(root, input), { recursive: true });
  }
  symlinkSync(realpathSync(path.join(REPO_ROOT, 'node_modules')), path.join(root, 'node_modules'));
  // The build runs `npm ci` when the lockfile is newer than the install; through the link that
  // would reinstall the shared node_modules. An old time stamp keeps the install as it is.
  utimesSync(path.join(root, 'package-lock.json'), 0, 0);
  return root;
}

/** Builds the zip from `root` into a fresh temporary folder and unpacks it beside. */
export async function buildAndUnpack(root = REPO_ROOT): Promise<BuiltZip> {
  const kibanaVersion = TEST_KIBANA_VERSION;
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'emt-build-'));
  const build = await runBuild(['--kibana-version', kibanaVersion, '--out-dir', outDir], root);
  if (build.code !== 0) throw new Error(`build failed (${build.code}): ${build.stderr}`);
  const zipFile = path.join(outDir, `${PLUGIN_ID}-${kibanaVersion}.zip`);
  const unpacked = path.join(outDir, 'unpacked');
  const entries = unpackZip(zipFile, unpacked);
  return {
    outDir,
    zipFile,
    entries,
    pluginDir: path.join(unpacked, 'kibana', PLUGIN_ID),
    build,
  };
}
