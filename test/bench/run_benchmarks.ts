import {
  machine,
  markdownTable,
  writeBenchmarkSection,
} from '../../scripts/lib/benchmarks_doc.mjs';
import { SERVICE_DEFAULTS } from '../../common/collector_service_config';
import { ensureElasticsearch } from '../es/es_node';
import { prepareSecuredNode } from '../es/security_fixtures';
import { REPO_ROOT } from '../host/plugin_manifest';
import { collectorBench } from './collector_bench';
import { fileImportBench } from './file_import_bench';
import { serviceBench } from './service_bench';
import { viewsBench } from './views_bench';

const COLLECTOR_ROWS = Number(process.env.BENCH_COLLECTOR_ROWS ?? 1_000_000);
const FILE_ROWS = Number(process.env.BENCH_FILE_ROWS ?? 1_000_000);
const VIEW_DOCUMENTS = Number(process.env.BENCH_VIEW_DOCUMENTS ?? 5_000_000);
const SERVICE_TENANTS = Number(process.env.BENCH_SERVICE_TENANTS ?? 50);
const SERVICE_ROWS_PER_TENANT = Number(process.env.BENCH_SERVICE_ROWS_PER_TENANT ?? 20_000);

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
    '`_bulk` of the same final documents into another data stream in the same run (only its bulk calls timed),',
    'both after an untimed collector run of 200,000 other traces (a fresh Elasticsearch compiles its indexing',
    'code during its first minute of writes, which slowed whichever measured run came first).',
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
    'The collector keeps Elasticsearch busy as the raw bulk does: while one bulk of 1000 documents is out,',
    'the duplicate look-up of the next 1000 runs and their documents are made from the rows',
    '(`server/lib/writer/bulk_writer.ts`), and the next Graph page is requested (`server/lib/collector/collect.ts`).',
    '',
    `RSS as volume grew (documents → MB): ${volumePoints.map(([documents, mb]) => `${documents.toLocaleString('en')} → ${mb}`).join(', ')}.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; Elasticsearch 9.5.3 (1 node, 1 GB heap) and the emulator on the same machine.`,
    '',
  ].join('\n');
}

function serviceSection(result: Awaited<ReturnType<typeof serviceBench>>) {
  return [
    '## Collector service: many tenants in one process',
    '',
    `\`npm run bench service\`: ${result.tenants} emulated tenants of ${SERVICE_ROWS_PER_TENANT.toLocaleString('en')} message traces a day, a day's lookback each`,
    `(${Math.round(result.documents / result.tenants).toLocaleString('en')} documents per tenant on average; throttle off, pages of 5000, no re-read), collected by one`,
    '`exchange-message-trace serve` process with the documented least-privilege API key, from its start until',
    `\`/healthz\` shows every tenant caught up; \`concurrentPages\` at its default, ${SERVICE_DEFAULTS.concurrentPages}.`,
    '',
    ...markdownTable(
      ['measure', 'value'],
      [
        ['documents written', result.documents.toLocaleString('en')],
        [
          'wall time',
          `${result.seconds.toFixed(1)} s (${Math.round(result.documents / result.seconds).toLocaleString('en')} docs/s)`,
        ],
        ['CPU time of the process', `${result.cpuSeconds.toFixed(1)} s`],
        ['peak RSS', `${Math.round(result.peakRssMb)} MB`],
      ]
    ),
    '',
    'Before `concurrentPages` every tenant held its pages at once: the same bench measured 1,355,464',
    'documents in 180.9 s (7,492 docs/s), 92.8 s of CPU and a peak RSS of 1144 MB (2026-12-02, 2 CPUs,',
    '23.5 GiB memory, Intel(R) Xeon(R) Processor, Node v20.20.2).',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; Elasticsearch 9.5.3 (1 node, 1 GB heap) and the emulator on the same machine.`,
    '',
  ].join('\n');
}

function fileImportSection(result: Awaited<ReturnType<typeof fileImportBench>>) {
  const rate = result.rows / result.seconds;
  return [
    '## File import throughput and memory',
    '',
    `\`npm run bench files\`: a generated Windows PowerShell 5.1 \`Get-MessageTrace | Export-Csv\` of ${result.rows.toLocaleString('en')} rows`,
    `(${Math.round(result.fileMb)} MB: BOM, \`#TYPE\` line, en-US dates, every field quoted, a subject with a line break every`,
    '50 rows) through `exchange-message-trace import` (a separate process) into the data stream.',
    '',
    ...markdownTable(
      ['measure', 'value', 'aim'],
      [
        ['documents written', result.documents.toLocaleString('en'), ''],
        [
          'import',
          `${result.seconds.toFixed(1)} s (${Math.round(rate).toLocaleString('en')} rows/s)`,
          '',
        ],
        [
          'peak RSS',
          `${Math.round(result.peakRssMb)} MB`,
          `< 300 MB: ${result.peakRssMb < 300 ? 'yes' : '**no**'}`,
        ],
      ]
    ),
    '',
    `RSS as the import went on (rows → MB): ${result.rssByRows
      .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / 8)) === 0)
      .map(([rows, mb]) => `${rows.toLocaleString('en')} → ${mb}`)
      .join(', ')}.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; Elasticsearch 9.5.3 (1 node, 1 GB heap) on the same machine.`,
    '',
  ].join('\n');
}

function viewsSection(result: Awaited<ReturnType<typeof viewsBench>>) {
  const ms = (value: number) => `${value} ms`;
  return [
    '## View latency',
    '',
    `\`npm run bench views\`: ${result.documents.toLocaleString('en')} documents (90 days of the synthetic tenant, rows whose`,
    'status changed stored once per status) in one data stream. Each view 30 times after 3 warm-ups, one',
    'request at a time, each range ending a second earlier than the last. Before each sample (untimed) one',
    'new observation arrives at the current time and is refreshed, as collection adds them: no answer comes',
    "from Elasticsearch's request cache, and today's latest-status look-up is done again every time (the",
    'other days are answered from the per-day cache while their document counts stay the same).',
    "Route: the HTTP route through the host as `soc_analyst`. Elasticsearch: the same view's searches",
    '(latest-status look-up included) called directly with a client. No day cached: the same with an empty',
    'per-day cache, as the first view of a range after a restart. Suspicious senders, searches narrowed to a',
    'sender and message detail do not use that cache: there the last two columns measure the same code again.',
    '',
    ...markdownTable(
      [
        'view',
        'documents in range',
        'route p50',
        'route p95',
        'Elasticsearch p50',
        'Elasticsearch p95',
        'no day cached p50',
        'no day cached p95',
        'aim: route p95 ≤ 300 ms',
      ],
      result.timings.map((timing) => [
        timing.view,
        timing.documents > 0 ? timing.documents.toLocaleString('en') : '—',
        ms(timing.route.p50),
        ms(timing.route.p95),
        ms(timing.elasticsearch.p50),
        ms(timing.elasticsearch.p95),
        ms(timing.uncached.p50),
        ms(timing.uncached.p95),
        timing.route.p95 <= 300 ? 'yes' : '**no**',
      ])
    ),
    '',
    result.loadSeconds > 0
      ? `Loading them with \`_bulk\` took ${Math.round(result.loadSeconds)} s.`
      : 'They were loaded by an earlier run (BENCH_VIEW_NAMESPACE).',
    `The data stream had ${result.segments} segments when the measurements began, as the merge policy left them (never force-merged).`,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; Elasticsearch 9.5.3 (1 node, 1 GB heap) on the same machine.`,
    '',
  ].join('\n');
}

async function main() {
  const only = process.argv.slice(2);
  const elasticsearch = await ensureElasticsearch('bench');
  await prepareSecuredNode(elasticsearch.url);
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
    if (only.length === 0 || only.includes('service')) {
      process.stdout.write(
        `Service: ${SERVICE_TENANTS} tenants × ${SERVICE_ROWS_PER_TENANT} rows…\n`
      );
      // The service's test helpers read the cluster's address from the environment.
      process.env.ES_URL ??= elasticsearch.url;
      const result = await serviceBench(
        elasticsearch.url,
        SERVICE_TENANTS,
        SERVICE_ROWS_PER_TENANT
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
      await writeBenchmarkSection({
        root: REPO_ROOT,
        heading: '## Collector service: many tenants in one process',
        text: serviceSection(result),
      });
    }
    if (only.length === 0 || only.includes('files')) {
      process.stdout.write(`File import: ${FILE_ROWS} rows…\n`);
      const result = await fileImportBench(elasticsearch.url, FILE_ROWS);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      await writeBenchmarkSection({
        root: REPO_ROOT,
        heading: '## File import throughput and memory',
        text: fileImportSection(result),
      });
    }
    if (only.length === 0 || only.includes('views')) {
      process.stdout.write(`Views: ${VIEW_DOCUMENTS} documents…\n`);
      const result = await viewsBench(elasticsearch.url, VIEW_DOCUMENTS);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      await writeBenchmarkSection({
        root: REPO_ROOT,
        heading: '## View latency',
        text: viewsSection(result),
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
