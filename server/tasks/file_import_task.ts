import type { Logger } from '@kbn/core/server';
import type {
  RunResult,
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import { escapeControlCharacters, quoteText } from '../../common/control_characters';
import { MAX_REJECTED_SAMPLES, type DateCulture } from '../../common/http_api/files';
import type { Clock } from '../lib/collector/clock';
import { createCancellableRunner } from './cancellable_run';
import { parseDurationMs } from '../lib/collector/duration';
import { dataStreamName } from '../lib/data_stream/data_stream_name';
import type { MessageTraceMappingOptions } from '../lib/ecs/message_trace_document';
import { findConfiguredFiles } from '../lib/files/find_configured_files';
import { FileImportWriteError, importFile } from '../lib/files/import_file';
import { importFromPath, type FileCursor } from '../lib/files/path_import';
import type { WriterClient } from '../lib/writer/bulk_writer';
import type { ConnectionStore, ConnectionWithSecrets } from '../services/connection_store';
import type { ElasticsearchReachability } from '../services/elasticsearch_reachability';
import {
  emptyFileImportState,
  FILE_IMPORT_TASK_STATE_VERSION,
  readFileImportState,
  type FileImportRun,
} from './file_import_task_state';

export const FILE_IMPORT_TASK_TYPE = 'exchangeMessageTrace:files';
/** One task for all configured paths. */
export const FILE_IMPORT_TASK_ID = FILE_IMPORT_TASK_TYPE;
export const FILE_IMPORT_TASK_TIMEOUT = '1h';

/** kibana.yml's `exchange_message_trace.files`, as far as the task uses it. */
export interface FilePathsConfig {
  paths: readonly string[];
  connectionId?: string;
  localDomains: readonly string[];
  namespace: string;
  timezone?: string;
  dateCulture?: string;
  interval: string;
}

export interface FileImportTaskServices {
  connections: Pick<ConnectionStore, 'getWithSecrets'>;
  writerClient(connection: ConnectionWithSecrets): Promise<WriterClient>;
  /** Without a connection: Kibana's own user where security is off, else a clear refusal. */
  unsecuredWriterClient(): Promise<WriterClient>;
  dataset: string;
  ingestPipeline(): string;
  ensureNamespaceTemplate(namespace: string): Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** A run's result waits for Elasticsearch to take it (see cancellable_run.ts). */
  reachability: ElasticsearchReachability;
}

interface WriteTarget {
  client: WriterClient;
  mapping: MessageTraceMappingOptions & { namespace: string };
}

async function writeTarget(
  services: FileImportTaskServices,
  config: FilePathsConfig
): Promise<WriteTarget> {
  const dataset = services.dataset;
  if (!config.connectionId) {
    return {
      client: await services.unsecuredWriterClient(),
      mapping: { dataset, localDomains: config.localDomains, namespace: config.namespace },
    };
  }
  const connection = await services.connections.getWithSecrets(config.connectionId);
  const { settings } = connection;
  return {
    client: await services.writerClient(connection),
    mapping: {
      dataset,
      localDomains: settings.localDomains,
      matchSubdomains: settings.matchSubdomains,
      namespace: settings.namespace,
      tenantId: settings.tenantId,
      connectionName: settings.name,
      connectionId: connection.id,
    },
  };
}

async function runImports(
  services: FileImportTaskServices,
  config: FilePathsConfig,
  rawState: Record<string, unknown>,
  signal: AbortSignal,
  deadline: number
): Promise<RunResult> {
  const { clock, logger } = services;
  const previous = readFileImportState(rawState);
  const run: FileImportRun = {
    at: new Date(clock.now()).toISOString(),
    filesRead: 0,
    rows: 0,
    documentsCreated: 0,
    alreadyPresent: 0,
    rejectedCount: 0,
    rejected: [],
    errors: [],
  };
  const files: Record<string, FileCursor> = {};
  const finish = (more: boolean): RunResult => {
    const state = { version: FILE_IMPORT_TASK_STATE_VERSION, files, lastRun: run };
    return more
      ? { state, runAt: new Date(clock.now()) }
      : { state, schedule: { interval: config.interval } };
  };
  let target: WriteTarget;
  try {
    target = await writeTarget(services, config);
  } catch (error) {
    run.errors.push({ path: '', message: `files.connectionId: ${(error as Error).message}` });
    logger.warn(`Importing configured files: ${escapeControlCharacters((error as Error).message)}`);
    return { ...finish(false), state: { ...previous, lastRun: run } };
  }
  const dataStream = dataStreamName(target.mapping.dataset, target.mapping.namespace);
  await services.ensureNamespaceTemplate(target.mapping.namespace);
  const found = await findConfiguredFiles(config.paths);
  const seen = new Set<string>();
  let more = false;
  for (const path of found) {
    if (clock.now() >= deadline || signal.aborted) {
      more = true;
      break;
    }
    try {
      const outcome = await importFromPath(
        path,
        (identity) => previous.files[identity],
        (request) =>
          importFile(request.source, {
            client: target.client,
            dataStream,
            mapping: target.mapping,
            pipeline: services.ingestPipeline(),
            signal,
            format: request.format,
            fileLine: request.fileLine,
            timeZone: config.timezone,
            dateCulture: config.dateCulture as DateCulture | undefined,
          }),
        clock.now()
      );
      seen.add(outcome.identity);
      if (outcome.cursor) files[outcome.identity] = outcome.cursor;
      if (outcome.cursor?.error && outcome.cursor !== previous.files[outcome.identity]) {
        run.errors.push({ path, message: outcome.cursor.error });
      }
      more ||= outcome.more;
      const summary = outcome.summary;
      if (!summary) continue;
      run.filesRead += 1;
      run.rows += summary.rows;
      run.documentsCreated += summary.documentsCreated;
      run.alreadyPresent += summary.alreadyPresent;
      run.rejectedCount += summary.rejectedCount;
      for (const rejected of summary.rejected) {
        if (run.rejected.length < MAX_REJECTED_SAMPLES) run.rejected.push({ path, ...rejected });
      }
    } catch (error) {
      run.errors.push({ path, message: (error as Error).message });
      // File names and their contents are anyone's who can drop a file there.
      logger.warn(
        `Importing ${quoteText(path, 500)} failed: ${escapeControlCharacters((error as Error).message)}`
      );
      // Elasticsearch cannot take documents now: the next run tries again from the same place.
      if (error instanceof FileImportWriteError || signal.aborted) {
        more = false;
        break;
      }
    }
  }
  // Cursors of files not reached stay; those of files gone from the globs are dropped.
  for (const [identity, cursor] of Object.entries(previous.files)) {
    if (!seen.has(identity) && found.includes(cursor.path) && !(identity in files)) {
      files[identity] = cursor;
    }
  }
  if (run.documentsCreated > 0 || run.rejectedCount > 0) {
    logger.info(
      `Imported ${run.documentsCreated} new documents from ${run.filesRead} configured file(s) into ${dataStream} (${run.alreadyPresent} already there, ${run.rejectedCount} rows rejected)`
    );
  }
  return finish(more);
}

export function registerFileImportTaskDefinition({
  taskManager,
  getServices,
  config,
}: {
  taskManager: TaskManagerSetupContract;
  getServices: () => Promise<FileImportTaskServices>;
  config: FilePathsConfig;
}) {
  const timeoutMs = parseDurationMs(FILE_IMPORT_TASK_TIMEOUT);
  taskManager.registerTaskDefinitions({
    [FILE_IMPORT_TASK_TYPE]: {
      title: 'Exchange Online message trace file import',
      description: 'Imports message-trace exports from the paths configured in kibana.yml',
      timeout: FILE_IMPORT_TASK_TIMEOUT,
      // TaskCost.Large: parsing and indexing whole exports for up to an hour weighs more than a
      // normal task. (No maxConcurrency: refused outside Task Manager's allow-list, and one task
      // document never runs twice at once anyway.)
      cost: 4,
      createTaskRunner: createCancellableRunner(
        getServices,
        timeoutMs,
        (services, task, signal, deadline) =>
          runImports(services, config, task.state, signal, deadline)
      ),
    },
  });
}

/** Scheduled while kibana.yml names paths; removed when it no longer does. */
export async function syncFileImportTask(
  taskManager: TaskManagerStartContract,
  config: FilePathsConfig
) {
  if (config.paths.length === 0) {
    await taskManager.removeIfExists(FILE_IMPORT_TASK_ID);
    return;
  }
  await taskManager.ensureScheduled({
    id: FILE_IMPORT_TASK_ID,
    taskType: FILE_IMPORT_TASK_TYPE,
    schedule: { interval: config.interval },
    params: {},
    state: emptyFileImportState(),
  });
}
