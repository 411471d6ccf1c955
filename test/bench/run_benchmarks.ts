import {
  machine,
  markdownTable,
  writeBenchmarkSection,
} from '../../scripts/lib/benchmarks_doc.mjs';
import { ensureElasticsearch } from '../es/es_node';
import { REPO_ROOT } from '../host/plugin_manifest';
import { collectorBench } from './collector_bench';

const COLLECTOR_ROWS = Number(process.env.BENCH_COLLECTOR_ROWS ?? 1_000_000);

function collectorSection(result: Awaited<ReturnType<typeof collectorBench>>) {
  const collectorRate = result.documents / result.collectorSeconds;
  const rawRate = result.documents / result.rawBulkSeconds;
  const ratio = collectorRate / rawRate;
  const volumePoints = result.rssByVolume.filter(
    (_, index, all) => index % Math.max(1, Math.floor(all.length / 8)) === 0
  );
  return [
    '## Collector throughput and memory',
    '',
    `\`npm run bench\`: ${result.rows.toLocaleString('en')} message traces from the Graph emulator (throttle off, pages of 5000)`,
    'through the command line collector (`collect --once`, a separate process) into the data stream, and a raw',
    '`_bulk` of the same final documents into another data stream in the same run (only its bulk calls timed).',
    '',
    ...markdownTable(
      ['measure', 'value', 'aim'],
      [
        ['documents written', result.documents.toLocaleString('en'), ''],
        [
          'collector',
          `${result.collectorSeconds.toFixed(1)} s (${Math.round(collectorRate).toLocaleString('en')} docs/s)`,
          '',
        ],
        [
          'raw `_bulk`',
          `${result.rawBulkSeconds.toFixed(1)} s (${Math.round(rawRate).toLocaleString('en')} docs/s)`,
          '',
        ],
        ['ratio collector / raw', ratio.toFixed(2), `≥ 0.8: ${ratio >= 0.8 ? 'yes' : '**no**'}`],
        [
          'collector peak RSS',
          `${Math.round(result.peakRssMb)} MB`,
          `< 300 MB: ${result.peakRssMb < 300 ? 'yes' : '**no**'}`,
        ],
      ]
    ),
    '',
    `RSS as volume grew (documents → MB): ${volumePoints.map(([documents, mb]) => `${documents.toLocaleString('en')} → ${mb}`).join(', ')}.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; Elasticsearch 9.5.3 (1 node, 1 GB heap) and the emulator on the same machine.`,
    '',
  ].join('\n');
}

async function main() {
  const only = process.argv.slice(2);
  const elasticsearch = await ensureElasticsearch('bench');
  try {
    if (only.length === 0 || only.includes('collector')) {
      process.stdout.write(`Collector: ${COLLECTOR_ROWS} rows…\n`);
      const result = await collectorBench(elasticsearch.url, COLLECTOR_ROWS);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      await writeBenchmarkSection({
        root: REPO_ROOT,
        heading: '## Collector throughput and memory',
        text: collectorSection(result),
      });
    }
  } finally {
    await elasticsearch.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
