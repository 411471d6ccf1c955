import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../host/plugin_manifest';

const BUNDLE = path.join(REPO_ROOT, '.cache', 'cli', 'exchange_message_trace.cjs');
let bundled: Promise<string> | undefined;

/** One bundled file starts in a fraction of a second, which a test that restarts it 100 times needs. */
export function cliBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(REPO_ROOT, 'server', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    logLevel: 'warning',
  }).then(() => BUNDLE);
  return bundled;
}

export interface CliOutcome {
  code: number | null;
  killed: boolean;
  stdout: string;
  stderr: string;
  /** The last stdout line, parsed: the command's JSON summary. */
  summary?: Record<string, unknown>;
}

/** Runs the command line; with `killWhen`, it is SIGKILLed when that settles, wherever it is. */
export async function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; killWhen?: Promise<unknown> } = {}
): Promise<CliOutcome> {
  const child = spawn(process.execPath, [await cliBundle(), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  let closed = false;
  void options.killWhen?.then(() => {
    if (!closed) killed = child.kill('SIGKILL');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  closed = true;
  const last = stdout.trim().split('\n').pop();
  let summary: Record<string, unknown> | undefined;
  try {
    summary = last ? (JSON.parse(last) as Record<string, unknown>) : undefined;
  } catch {
    summary = undefined;
  }
  return { code, killed: killed && code === null, stdout, stderr, summary };
}
