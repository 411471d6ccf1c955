import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { runMeasuredCli } from './measured_cli';

export interface FileImportBenchResult {
  rows: number;
  fileMb: number;
  documents: number;
  seconds: number;
  peakRssMb: number;
  /** Resident memory as the import went on: [rows read so far, RSS MB]. */
  rssByRows: Array<[number, number]>;
}

const HEADER = [
  '#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace',
  '"PSComputerName","RunspaceId","PSShowComputerName","Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageTraceId","StartDate","EndDate","Index"',
];
const STATUSES = ['Delivered', 'Delivered', 'Delivered', 'FilteredAsSpam', 'Failed', 'Pending'];

function enUsDate(millis: number): string {
  const date = new Date(millis);
  const hour = date.getUTCHours();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hour % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * A Windows PowerShell 5.1 `Get-MessageTrace | Export-Csv` of `rows` rows (BOM, #TYPE line, CRLF,
 * en-US dates, every column quoted, some subjects with commas, quotes and line breaks).
 */
async function writeExport(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${HEADER.join('\r\n')}\r\n`);
  const start = Date.UTC(2026, 10, 10);
  let batch = '';
  for (let index = 0; index < rows; index++) {
    const id = `${(index >>> 8).toString(16).padStart(8, '0')}-1b7d-4e0a-9f6c-${index.toString(16).padStart(12, '0')}`;
    const subject =
      index % 50 === 0
        ? `Re: ""Quarterly"" report, part ${index}\r\nsecond line`
        : `Invoice ${index}, due Friday`;
    batch +=
      `"outlook.office365.com","3c2f9a8e-1b7d-4e0a-9f6c-2d5e8a1b4c7f","False","contoso.onmicrosoft.com",` +
      `"<${index}.A1B2C3D4@CH2PR01MB4711.namprd01.prod.outlook.com>","${enUsDate(start + index * 700)}",` +
      `"sender${index % 9973}@fabrikam${index % 97}.com","user${index % 4999}@contoso.com","${subject}",` +
      `"${STATUSES[index % STATUSES.length]}","","203.0.113.${index % 250}","${1000 + (index % 100_000)}","${id}",` +
      `"11/10/2026 12:00:00 AM","11/20/2026 12:00:00 AM","${index}"\r\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

/** 1M rows of a PowerShell 5.1 export through `exchange-message-trace import` into the data stream. */
export async function fileImportBench(esUrl: string, rows: number): Promise<FileImportBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'emt-bench-files-'));
  const file = path.join(dir, 'message_trace.csv');
  const namespace = `benchfiles${Date.now()}`;
  const es = new Client({ node: esUrl, requestTimeout: 120_000 });
  try {
    await writeExport(file, rows);
    const run = await runMeasuredCli({
      args: [
        'import',
        file,
        '--es-url',
        esUrl,
        '--namespace',
        namespace,
        '--local-domains',
        'contoso.com',
      ],
      progress: /: (\d+) rows,/,
      // One sample per 50,000 rows is plenty for the table.
      sampleEvery: 50_000,
      what: 'import',
    });
    return {
      rows: run.summary.rows,
      fileMb: statSync(file).size / 1024 / 1024,
      documents: run.summary.documentsCreated,
      seconds: run.seconds,
      peakRssMb: run.peak,
      rssByRows: run.samples,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // The bench's million documents are not worth keeping on a shared node.
    await es.indices
      .deleteDataStream({ name: `logs-microsoft_exchange_online_message_trace.log-${namespace}` })
      .catch(() => undefined);
    await es.close();
  }
}
