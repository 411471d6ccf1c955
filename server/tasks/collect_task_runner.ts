import type { Logger } from '@kbn/core/server';
import type { ConcreteTaskInstance, RunResult } from '@kbn/task-manager-plugin/server';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import type { ConnectionSettings } from '../../common/connection';
import type { ConnectionStatus } from '../../common/connection_status';
import type { Clock } from '../lib/collector/clock';
import { collect, type RunSummary } from '../lib/collector/collect';
import {
  ELASTICSEARCH_UNREACHABLE_ERROR_KIND,
  REAUTHORIZE_ERROR_KIND,
} from '../../common/http_api/connections';
import {
  createCollectorDeps,
  WriteForbiddenError,
  WriteIncompleteError,
} from '../lib/collector/collector_pipeline';
import {
  initialCheckpoint,
  windowsLeft,
  type WindowSettings,
  DEFAULT_WINDOW_SETTINGS,
} from '../lib/collector/windows';
import { escapeControlCharacters, quoteText } from '../../common/control_characters';
import { dataStreamName } from '../lib/data_stream/data_stream_name';
import { GraphError } from '../lib/graph/graph_error';
import type { WriterClient } from '../lib/writer/bulk_writer';
import { errorStatus, isAuthorizationStatus } from '../lib/writer/es_errors';
import type { CollectorResources } from '../services/collector_resources';
import type { ConnectionStore, ConnectionWithSecrets } from '../services/connection_store';
import type { ElasticsearchReachability } from '../services/elasticsearch_reachability';
import type { TenantDomains } from '../services/tenant_domains';
import { ApiKeyMissingError } from '../services/writer_client';
import { createCancellableRunner } from './cancellable_run';
import { currentBackfill, readBackfill } from './collect_backfill';
import {
  COLLECT_TASK_STATE_VERSION,
  taskStateFor,
  upgradeTaskState,
  type CollectTaskState,
} from './collect_task_state';
import { DAY_MS, HOUR_MS } from '../../common/time';
import { isNotFoundError } from '../services/connection_errors';

export interface CollectTaskServices {
  connections: ConnectionStore;
  resources: CollectorResources;
  tenantDomains: TenantDomains;
  /** The client documents are written with: in a secured cluster, scoped to the connection's API key. */
  writerClient(connection: ConnectionWithSecrets): Promise<WriterClient>;
  dataset: string;
  ingestPipeline(): string;
  /** Our template for the namespace, before the first write there (namespace_templates.ts). */
  ensureNamespaceTemplate(namespace: string): Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** A run's result waits for Elasticsearch to take it (see cancellable_run.ts). */
  reachability: ElasticsearchReachability;
}

/** Waiting longer than this for the budget ends the run; it comes back when the budget frees. */
const MAX_BUDGET_WAIT_MS = 30_000;

export function windowSettingsOf(settings: ConnectionSettings): WindowSettings {
  return {
    ...DEFAULT_WINDOW_SETTINGS,
    lookbackMs: settings.lookbackDays * DAY_MS,
    rereadMs: settings.rereadHours * HOUR_MS,
  };
}

function failureKind(error: unknown): string {
  if (error instanceof GraphError) return error.kind;
  // Refused credentials are mended by re-authorising on the settings page, not by waiting.
  if (error instanceof ApiKeyMissingError || error instanceof WriteForbiddenError) {
    return REAUTHORIZE_ERROR_KIND;
  }
  if (error instanceof WriteIncompleteError) return 'elasticsearchWrite';
  const status = errorStatus(error);
  if (status !== undefined && isAuthorizationStatus(status)) return REAUTHORIZE_ERROR_KIND;
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

function failure(
  error: unknown,
  at: number,
  prefix = '',
  kind = failureKind(error)
): ConnectionStatus['lastError'] {
  const message = `${prefix}${(error as Error).message}`;
  return { kind, message, at: new Date(at).toISOString() };
}

/**
 * An error of ours or of Elasticsearch's is told apart from an outage by asking Elasticsearch:
 * a run that failed while it could not be reached failed because of that, whatever the shape of
 * the error the outage left (a refused bulk, a saved object that could not be read).
 */
async function failureKindNow(error: unknown, reachability: ElasticsearchReachability) {
  const kind = failureKind(error);
  if (kind !== 'internal' && kind !== 'elasticsearchWrite') return kind;
  return (await reachability.probe()).answered ? kind : ELASTICSEARCH_UNREACHABLE_ERROR_KIND;
}

/** The status of a run that failed: when it ran, that it did not catch up, and why. */
async function failedStatus(
  previous: ConnectionStatus,
  error: unknown,
  { clock, reachability }: Pick<CollectTaskServices, 'clock' | 'reachability'>,
  startedAt: number
): Promise<ConnectionStatus> {
  return {
    ...previous,
    lastRunAt: new Date(startedAt).toISOString(),
    caughtUp: false,
    lastError: failure(error, clock.now(), '', await failureKindNow(error, reachability)),
  };
}

/**
 * A run that cannot read its connection (while Elasticsearch is down, most often) records its
 * failure on the state it started from. Were it to throw, Task Manager would write that state back
 * unchanged (task_running/task_runner.ts @ 006b838e, run: a run that throws is processed with
 * `modifiedContext.taskInstance.state`), and the connection would show no sign of the failed run.
 */
async function connectionUnreadable(
  services: CollectTaskServices,
  task: ConcreteTaskInstance,
  error: unknown,
  startedAt: number
): Promise<RunResult> {
  services.logger.warn(
    `Collection for connection ${task.params.connectionId} failed: its settings could not be read: ${escapeControlCharacters((error as Error).message)}`
  );
  const state = upgradeTaskState(task.state);
  return {
    state: { ...state, status: await failedStatus(state.status, error, services, startedAt) },
  };
}

async function runCollection(
  services: CollectTaskServices,
  task: ConcreteTaskInstance,
  signal: AbortSignal,
  deadline: number
): Promise<RunResult> {
  const connectionId = String(task.params.connectionId);
  const { clock, logger } = services;
  const startedAt = clock.now();
  let connection: ConnectionWithSecrets;
  try {
    connection = await services.connections.getWithSecrets(connectionId);
  } catch (error) {
    if (isNotFoundError(error)) return { state: task.state, shouldDeleteTask: true };
    return connectionUnreadable(services, task, error, startedAt);
  }
  // Task Manager writes only `enabled: false` for this result and discards the state, so the
  // task keeps the state of the last run that collected (see syncCollectTask).
  if (!connection.settings.enabled) return { state: task.state, shouldDisableTask: true };
  const { tenantId, name, intervalMinutes } = connection.settings;
  const state = taskStateFor(task.state, tenantId);
  const settings = windowSettingsOf(connection.settings);
  const budget = services.resources.budgetFor(tenantId, connection.settings.requestBudget);
  let checkpoint = state.checkpoint ?? initialCheckpoint(clock.now(), settings);
  let backfill = currentBackfill(connection.backfill, state.backfill);
  const nextState = (status: ConnectionStatus): CollectTaskState => ({
    version: COLLECT_TASK_STATE_VERSION,
    tenantId,
    checkpoint,
    status,
    ...(backfill ? { backfill } : {}),
  });
  // Task Manager skips a running task when the interval is edited, so each run brings it along.
  const schedule = { interval: `${intervalMinutes}m` };
  // Saving the connection during the run (disabling it, editing it, granting a new key, which
  // invalidates the one this run writes with) ends the run at the next page, nothing more written;
  // the next run, at once, reads the connection as it is now.
  let connectionChanged = false;
  const stillWanted = async () => {
    connectionChanged = !(await services.connections.unchangedSince(
      connectionId,
      connection.version
    ));
    return !connectionChanged;
  };
  try {
    await services.ensureNamespaceTemplate(connection.settings.namespace);
    const elasticsearch = await services.writerClient(connection);
    const localDomains = await services.tenantDomains.localDomainsOf(connection, signal);
    // Task state is saved when the run returns; until then progress lives in `save`'s target.
    const depsSavingTo = (save: (next: CollectorCheckpoint) => void) =>
      createCollectorDeps({
        endpoints: services.resources.endpoints,
        tokens: services.resources.tokensFor(connection),
        budget,
        clock,
        elasticsearch,
        dataStream: dataStreamName(services.dataset, connection.settings.namespace),
        mapping: {
          localDomains,
          matchSubdomains: connection.settings.matchSubdomains,
          dataset: services.dataset,
          namespace: connection.settings.namespace,
          tenantId,
          connectionName: name,
          connectionId,
        },
        ingestPipeline: services.ingestPipeline(),
        saveCheckpoint: async (next) => save(next),
        maxBudgetWaitMs: () => Math.min(MAX_BUDGET_WAIT_MS, Math.max(0, deadline - clock.now())),
      });
    const deps = depsSavingTo((next) => {
      checkpoint = next;
    });
    const { summary } = await collect(deps, checkpoint, settings, {
      signal,
      deadline,
      stillWanted,
    });
    // A backfill gets the time the regular collection leaves, never the other way round.
    const backfillRun =
      backfill && !backfill.done && summary.caughtUp
        ? await readBackfill(depsSavingTo, backfill, settings, {
            signal,
            deadline,
            now: () => clock.now(),
            stillWanted,
          })
        : undefined;
    backfill = backfillRun?.backfill ?? backfill;
    let status = successStatus(state.status, summary, checkpoint, clock.now(), {
      used: await budget.used(),
      limit: budget.limit,
    });
    if (backfillRun?.error) {
      logger.warn(
        `Backfill for connection ${quoteText(name)} (${connectionId}) stopped: ${escapeControlCharacters((backfillRun.error as Error).message)}`
      );
      status = { ...status, lastError: failure(backfillRun.error, clock.now(), 'Backfill: ') };
    }
    // The progress is kept, and the next run, at once, disables (or deletes) the task.
    if (connectionChanged) return { state: nextState(status), runAt: new Date(clock.now()) };
    const more = !summary.caughtUp || (backfill && !backfill.done && !backfillRun?.error);
    if (!more) return { state: nextState(status), schedule };
    const budgetAvailableAt = summary.budgetAvailableAt ?? backfillRun?.budgetAvailableAt;
    return { state: nextState(status), runAt: new Date(budgetAvailableAt ?? clock.now()) };
  } catch (error) {
    logger.warn(
      `Collection for connection ${quoteText(name)} (${connectionId}) failed: ${escapeControlCharacters((error as Error).message)}`
    );
    const status = await failedStatus(state.status, error, services, startedAt);
    return {
      state: nextState({
        ...status,
        collectedUntil: new Date(checkpoint.collectedUntil).toISOString(),
      }),
      schedule,
    };
  }
}

export function createCollectTaskRunner(
  getServices: () => Promise<CollectTaskServices>,
  timeoutMs: number
) {
  return createCancellableRunner(getServices, timeoutMs, runCollection);
}
