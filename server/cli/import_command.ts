import { createReadStream } from 'node:fs';
import { Client } from '@elastic/elasticsearch';
import { MAX_REJECTED_SAMPLES, type FileImportSummary } from '../../common/http_api/files';
import { dataStreamName } from '../lib/data_stream/data_stream_name';
import {
  GEOIP_PIPELINE_NAME,
  installGeoIpPipeline,
  NO_PIPELINE,
} from '../lib/data_stream/geoip_pipeline';
import { installTemplates } from '../lib/data_stream/templates';
import { installNamespaceTemplate } from '../lib/data_stream/namespace_templates';
import { importFile } from '../lib/files/import_file';
import { fileArguments, fileMappingOptions, fileParseOptions, FILE_FLAGS } from './file_options';
import { assertKnownFlags, requiredFlag, stringFlag, type ParsedArgs } from './parse_args';

export const IMPORT_FLAGS = [...FILE_FLAGS, 'es-url', 'es-api-key-env'];

type FileOutcome = { file: string } & (
  | Omit<FileImportSummary, 'rejected' | 'dataStream'>
  | { error: string }
);

/**
 * `import FILE…`: each file into the data stream, exactly once per row (a file imported twice
 * adds nothing). Prints one JSON line: totals, one entry per file, the first rejected rows.
 * Exits 1 when a file could not be read or written; rejected rows alone do not fail it.
 */
export async function importCommand(args: ParsedArgs, signal: AbortSignal): Promise<number> {
  assertKnownFlags(args, IMPORT_FLAGS);
  const files = fileArguments(args);
  const mapping = fileMappingOptions(args);
  const parse = fileParseOptions(args);
  const dataStream = dataStreamName(mapping.dataset, mapping.namespace);
  const apiKeyEnv = stringFlag(args, 'es-api-key-env');
  const elasticsearch = new Client({
    node: requiredFlag(args, 'es-url'),
    ...(apiKeyEnv ? { auth: { apiKey: process.env[apiKeyEnv] ?? '' } } : {}),
  });
  const outcomes: FileOutcome[] = [];
  const rejected: Array<{ file: string; line: number; reason: string }> = [];
  try {
    await installTemplates(elasticsearch, { dataset: mapping.dataset });
    await installNamespaceTemplate(elasticsearch, mapping);
    const geoIp = await installGeoIpPipeline(elasticsearch);
    for (const file of files) {
      try {
        const source =
          file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
        const {
          rejected: fileRejected,
          dataStream: _,
          ...summary
        } = await importFile(source, {
          ...parse,
          client: elasticsearch,
          dataStream,
          mapping,
          pipeline: geoIp.installed ? GEOIP_PIPELINE_NAME : NO_PIPELINE,
          signal,
          onProgress: (progress) =>
            process.stderr.write(
              `[import] ${file}: ${progress.rows} rows, ${progress.documentsCreated} new documents\n`
            ),
        });
        outcomes.push({ file, ...summary });
        for (const row of fileRejected) {
          if (rejected.length < MAX_REJECTED_SAMPLES) rejected.push({ file, ...row });
        }
      } catch (error) {
        if (signal.aborted) throw error;
        outcomes.push({ file, error: (error as Error).message });
      }
    }
  } finally {
    await elasticsearch.close();
  }
  const total = (key: 'rows' | 'documentsCreated' | 'alreadyPresent' | 'rejectedCount') =>
    outcomes.reduce((sum, outcome) => sum + ('error' in outcome ? 0 : outcome[key]), 0);
  process.stdout.write(
    `${JSON.stringify({
      dataStream,
      rows: total('rows'),
      documentsCreated: total('documentsCreated'),
      alreadyPresent: total('alreadyPresent'),
      rejectedCount: total('rejectedCount'),
      files: outcomes,
      rejected,
    })}\n`
  );
  return outcomes.some((outcome) => 'error' in outcome) ? 1 : 0;
}
