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
import { GraphEmulator } from '../graph_emulator';
import { runMeasuredCli } from './measured_cli';
import { rawBulkCopy } from './raw_bulk';

const WARM_UP_ROWS = 200_000;

export interface CollectorBenchResult {
  rows: number;
  documents: number;
  collectorSeconds: number;
  rawBulkSeconds: number;
  peakRssMb: number;
  /** Resident memory as the collected volume grew: [documents so far, RSS MB]. */
  rssByVolume: Array<[number, number]>;
}

/** 1M traces from the emulator (throttle off) through the collector, against a raw _bulk of the same documents. */
export async function collectorBench(esUrl: string, rows: number): Promise<CollectorBenchResult> {
  const es = new Client({ node: esUrl, requestTimeout: 120_000 });
  const emulator = await GraphEmulator.start({ throttle: false });
  const days = 10;
  const stamp = Date.now();
  const collectorRun = (seed: number, rowsToCollect: number, namespace: string) => {
    const tenantId = addSettledTenant(emulator, seed, Math.round(rowsToCollect / days), Date.now());
    const stateDir = freshStateDir();
    const args = collectArgs({
      emulator,
      tenantId,
      esUrl,
      namespace,
      stateDir,
      extra: ['--lookback', `${days}d`, '--reread', '0h', '--budget', '1000000'],
    });
    return runMeasuredCli({
      args,
      env: { ...process.env, [SECRET_ENV]: CHAOS_SECRET },
      progress: /(\d+) new documents/,
      what: 'collector',
    }).then((measured) => ({ ...measured, stateDir }));
  };
  try {
    // Untimed: a freshly started Elasticsearch compiles its indexing code during the first minute
    // of writes, which would otherwise slow whichever of the two measured runs came first.
    await collectorRun(424241, Math.min(WARM_UP_ROWS, rows), `benchwarmup${stamp}`);
    const namespace = `bench${stamp}`;
    const { stateDir, ...collector } = await collectorRun(424242, rows, namespace);
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
