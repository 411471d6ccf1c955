import { spawn } from 'node:child_process';
import { cliBundle } from '../collector/cli_process';
import { processMemory } from './process_memory';

export interface MeasuredCliOptions {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Finds the count so far in a progress line on stderr (first group). */
  progress: RegExp;
  /** Memory is sampled for the table at most once per this many more (default: every line). */
  sampleEvery?: number;
  /** What the process is, for the error when it fails. */
  what: string;
}

/**
 * The command line as a separate process: its wall time, peak resident memory, memory against
 * the progress it reports, and the JSON summary it prints last.
 */
export async function runMeasuredCli(options: MeasuredCliOptions) {
  const child = spawn(process.execPath, [await cliBundle(), ...options.args], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const samples: Array<[number, number]> = [];
  let peak = 0;
  let stdout = '';
  let lastCount = 0;
  const sample = () => {
    const memory = processMemory(child.pid!);
    if (memory) peak = Math.max(peak, memory.peakRssMb);
    return memory;
  };
  const timer = setInterval(sample, 100);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const progress = options.progress.exec(chunk.toString());
    const memory = sample();
    if (!progress || !memory) return;
    const count = Number(progress[1]);
    if (count - lastCount < (options.sampleEvery ?? 0)) return;
    lastCount = count;
    samples.push([count, Math.round(memory.rssMb)]);
  });
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`The ${options.what} exited with ${code}: ${stdout}`);
  return {
    seconds: (performance.now() - started) / 1000,
    peak,
    samples,
    summary: JSON.parse(stdout.trim().split('\n').pop()!),
  };
}
