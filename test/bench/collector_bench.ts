import { Client } from '@elastic/elasticsearch';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  addSettledTenant,
  CHAOS_SECRET,
  collectArgs,
  freshStateDir,
  SECRET_ENV,
} from '../collector/chaos_tenant';
import { cliBundle } from '../collector/cli_process';
import { GraphEmulator } from '../graph_emulator';
import { spawn } from 'node:child_process';
import { processMemory } from './process_memory';
import { rawBulkCopy } from './raw_bulk';

export interface CollectorBenchResult {
  rows: number;
  documents: number;
  collectorSeconds: number;
  rawBulkSeconds: number;
  peakRssMb: number;
  /** Resident memory as the collected volume grew: [documents so far, RSS MB]. */
  rssByVolume: Array<[number, number]>;
}

/** Runs the command line as a separate process, sampling its memory as it reports progress. */
async function runCollector(args: string[]) {
  const child = spawn(process.execPath, [await cliBundle(), ...args], {
    env: { ...process.env, [SECRET_ENV]: CHAOS_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const samples: Array<[number, number]> = [];
  let peak = 0;
  let stdout = '';
  const sample = () => {
    const memory = processMemory(child.pid!);
    if (memory) peak = Math.max(peak, memory.peakRssMb);
    return memory;
  };
  const timer = setInterval(sample, 100);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const progress = /(\d+) new documents/.exec(chunk.toString());
    const memory = sample();
    if (progress && memory) samples.push([Number(progress[1]), Math.round(memory.rssMb)]);
  });
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`The collector exited with ${code}: ${stdout}`);
  return {
    seconds: (performance.now() - started) / 1000,
    peak,
    samples,
    summary: JSON.parse(stdout.trim().split('\n').pop()!),
  };
}

/** 1M traces from the emulator (throttle off) through the collector, against a raw _bulk of the same documents. */
export async function collectorBench(esUrl: string, rows: number): Promise<CollectorBenchResult> {
  const es = new Client({ node: esUrl, requestTimeout: 120_000 });
  const emulator = await GraphEmulator.start({ throttle: false });
  try {
    const days = 10;
    const tenantId = addSettledTenant(emulator, 424242, Math.round(rows / days), Date.now());
    const stamp = Date.now();
    const namespace = `bench${stamp}`;
    const stateDir = freshStateDir();
    const args = collectArgs({
      emulator,
      tenantId,
      esUrl,
      namespace,
      stateDir,
      extra: ['--lookback', `${days}d`, '--reread', '0h', '--budget', '1000000'],
    });
    const collector = await runCollector(args);
    const from = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
    await es.indices.refresh({ index: from });
    const baseline = await rawBulkCopy(
      es,
      from,
      `logs-microsoft_exchange_online_message_trace.log-benchraw${stamp}`
    );
    writeFileSync(path.join(stateDir, 'summary.json'), JSON.stringify(collector.summary));
    return {
      rows: collector.summary.rowsRead,
      documents: collector.summary.documents,
      collectorSeconds: collector.seconds,
      rawBulkSeconds: baseline.seconds,
      peakRssMb: collector.peak,
      rssByVolume: collector.samples,
    };
  } finally {
    await emulator.stop();
    await es.close();
  }
}
