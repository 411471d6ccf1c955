import type { Logger } from '@kbn/core/server';
import type { ConcreteTaskInstance, RunContext, RunResult } from '@kbn/task-manager-plugin/server';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import type { ConnectionSettings } from '../../common/connection';
import type { ConnectionStatus } from '../../common/connection_status';
import type { Clock } from '../lib/collector/clock';
import { collect, type RunSummary } from '../lib/collector/collect';
import { createCollectorDeps, WriteIncompleteError } from '../lib/collector/collector_pipeline';
import {
  initialCheckpoint,
  windowsLeft,
  type WindowSettings,
  DEFAULT_WINDOW_SETTINGS,
} from '../lib/collector/windows';
import { dataStreamName } from '../lib/data_stream/data_stream_name';
import { GraphError } from '../lib/graph/graph_error';
import type { WriterClient } from '../lib/writer/bulk_writer';
import type { CollectorResources } from '../services/collector_resources';
import type { ConnectionStore, ConnectionWithSecrets } from '../services/connection_store';
import {
  COLLECT_TASK_STATE_VERSION,
  upgradeTaskState,
  type CollectTaskState,
} from './collect_task_state';

export interface CollectTaskServices {
  connections: ConnectionStore;
  resources: CollectorResources;
  /** The client documents are written with: in a secured cluster, scoped to the connection's API key. */
  writerClient(connection: ConnectionWithSecrets): Promise<WriterClient>;
  dataset: string;
  ingestPipeline(): string;
  clock: Clock;
  logger: Logger;
}

/** A run ends well before Task Manager's timeout, returning its progress, and continues at once. */
const RUN_SHARE_OF_TIMEOUT = 0.8;
/** Waiting longer than this for the budget ends the run; it comes back when the budget frees. */
const MAX_BUDGET_WAIT_MS = 30_000;

const isNotFound = (error: unknown) =>
  (error as { output?: { statusCode?: number } }).output?.statusCode === 404;

export function windowSettingsOf(settings: ConnectionSettings): WindowSettings {
  return {
    ...DEFAULT_WINDOW_SETTINGS,
    lookbackMs: settings.lookbackDays * 86_400_000,
    rereadMs: settings.rereadHours * 3_600_000,
  };
}

function failureKind(error: unknown): string {
  if (error instanceof GraphError) return error.kind;
  if (error instanceof WriteIncompleteError) return 'elasticsearchWrite';
  if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 403)
    return 'elasticsearchForbidden';
  return 'internal';
}

function successStatus(
  previous: ConnectionStatus,
  summary: RunSummary,
  checkpoint: CollectorCheckpoint,
  now: number,
  budget: { used: number; limit: number }
): ConnectionStatus {
  const { lastError: _cleared, ...rest } = previous;
  return {
    ...rest,
    lastRunAt: new Date(now).toISOString(),
    lastSuccessAt: new Date(now).toISOString(),
    collectedUntil: new Date(checkpoint.collectedUntil).toISOString(),
    caughtUp: summary.caughtUp,
    documentsLastRun: summary.documentsCreated,
    documentsTotal: (previous.documentsTotal ?? 0) + summary.documentsCreated,
    rowsRejectedLastRun: summary.rowsRejected,
    rowsRejectedTotal: (previous.rowsRejectedTotal ?? 0) + summary.rowsRejected,
    documentsFailedLastRun: summary.documentsFailed,
    windowsDone: (previous.windowsDone ?? 0) + summary.windowsCompleted,
    windowsLeft: windowsLeft(checkpoint, now),
    budgetUsed: budget.used,
    budgetLimit: budget.limit,
    ...(summary.rejectedSamples.length > 0 ? { rejectedSamples: summary.rejectedSamples } : {}),
    ...(summary.failedSamples.length > 0 ? { failedSamples: summary.failedSamples } : {}),
  };
}

async function runCollection(
  services: CollectTaskServices,
  task: ConcreteTaskInstance,
  signal: AbortSignal,
  deadline: number
): Promise<RunResult> {
  const state = upgradeTaskState(task.state);
  const connectionId = String(task.params.connectionId);
  let connection: ConnectionWithSecrets;
  try {
    connection = await services.connections.getWithSecrets(connectionId);
  } catch (error) {
    if (isNotFound(error)) return { state, shouldDeleteTask: true };
    throw error;
  }
  const { clock } = services;
  const settings = windowSettingsOf(connection.settings);
  const budget = services.resources.budgetFor(
    connection.settings.tenantId,
    connection.settings.requestBudget
  );
  let checkpoint = state.checkpoint ?? initialCheckpoint(clock.now(), settings);
  const startedAt = clock.now();
  try {
    const deps = createCollectorDeps({
      endpoints: services.resources.endpoints,
      tokens: services.resources.tokensFor(connection),
      budget,
      clock,
      elasticsearch: await services.writerClient(connection),
      dataStream: dataStreamName(services.dataset, connection.settings.namespace),
      mapping: {
        localDomains: connection.settings.localDomains,
        matchSubdomains: connection.settings.matchSubdomains,
        dataset: services.dataset,
        namespace: connection.settings.namespace,
        tenantId: connection.settings.tenantId,
        connectionName: connection.settings.name,
        connectionId,
      },
      ingestPipeline: services.ingestPipeline(),
      // Task state is saved when the run returns; until then progress lives here.
      saveCheckpoint: async (next) => {
        checkpoint = next;
      },
      maxBudgetWaitMs: () => Math.min(MAX_BUDGET_WAIT_MS, Math.max(0, deadline - clock.now())),
    });
    const result = await collect(deps, checkpoint, settings, { signal, deadline });
    const status = successStatus(state.status, result.summary, result.checkpoint, clock.now(), {
      used: await budget.used(),
      limit: budget.limit,
    });
    const next: CollectTaskState = {
      version: COLLECT_TASK_STATE_VERSION,
      checkpoint: result.checkpoint,
      status,
    };
    if (result.summary.caughtUp) return { state: next };
    return { state: next, runAt: new Date(result.summary.budgetAvailableAt ?? clock.now()) };
  } catch (error) {
    const message = (error as Error).message;
    services.logger.warn(
      `Collection for connection "${connection.settings.name}" (${connectionId}) failed: ${message}`
    );
    const status: ConnectionStatus = {
      ...state.status,
      lastRunAt: new Date(startedAt).toISOString(),
      collectedUntil: new Date(checkpoint.collectedUntil).toISOString(),
      caughtUp: false,
      lastError: { kind: failureKind(error), message, at: new Date(clock.now()).toISOString() },
    };
    return { state: { version: COLLECT_TASK_STATE_VERSION, checkpoint, status } };
  }
}

export function createCollectTaskRunner(
  getServices: () => Promise<CollectTaskServices>,
  timeoutMs: number
) {
  return ({ taskInstance, abortController, signal }: RunContext) => {
    const controller = new AbortController();
    (signal ?? abortController?.signal)?.addEventListener('abort', () => controller.abort(), {
      once: true,
    });
    return {
      run: async () => {
        const services = await getServices();
        const deadline = services.clock.now() + timeoutMs * RUN_SHARE_OF_TIMEOUT;
        return runCollection(services, taskInstance, controller.signal, deadline);
      },
      cancel: async () => controller.abort(new Error('Task Manager cancelled the run')),
    };
  };
}
