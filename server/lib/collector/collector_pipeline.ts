import type { CollectorCheckpoint } from '../../../common/collector_checkpoint';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';
import type { RequestBudget } from '../budget/request_budget';
import {
  createMessageTraceMapper,
  type MessageTraceMappingOptions,
} from '../ecs/message_trace_document';
import { GraphClient } from '../graph/graph_client';
import type { GraphError } from '../graph/graph_error';
import type { GraphEndpoints } from '../graph/graph_hosts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../graph/retry_policy';
import type { TokenProvider } from '../graph/token_provider';
import { messageTraceDocumentId } from '../ecs/document_id';
import { makeAndWriteDocuments, type WriteFailure, type WriterClient } from '../writer/bulk_writer';
import { isAuthorizationStatus, isRetryableStatus } from '../writer/es_errors';
import type { Clock } from './clock';
import type { CollectorDeps, PageWriteOutcome } from './collect';

export class WriteIncompleteError extends Error {
  constructor(readonly failures: WriteFailure[]) {
    super(
      `Elasticsearch did not store ${failures.length} document(s) after retries (${failures[0]?.reason ?? 'unknown reason'}); collection resumes from the same page`
    );
  }
}

/**
 * Elasticsearch refused the writer's credentials (an API key invalidated, expired or short of a
 * privilege): nothing moves on, and the same page is written once the connection is re-authorised.
 */
export class WriteForbiddenError extends WriteIncompleteError {
  constructor(failures: WriteFailure[]) {
    super(failures);
    this.message = `Elasticsearch refused to store documents with this connection's credentials (${failures[0]?.status}: ${failures[0]?.reason ?? 'unknown reason'}); re-authorise the connection on the settings page, collection then resumes from the same page`;
  }
}

export interface CollectorPipelineOptions {
  endpoints: GraphEndpoints;
  tokens: TokenProvider;
  budget: RequestBudget;
  clock: Clock;
  /** Handed in from outside: in a secured cluster, a client scoped to the connection's API key. */
  elasticsearch: WriterClient;
  dataStream: string;
  mapping: MessageTraceMappingOptions;
  saveCheckpoint(checkpoint: CollectorCheckpoint): Promise<void>;
  retry?: RetryPolicy;
  apiVersion?: 'v1.0' | 'beta';
  pageSize?: number;
  requestTimeoutMs?: number;
  maxBudgetWaitMs?: () => number;
  onGraphRetry?: (error: GraphError, delayMs: number) => void;
  /** The ingest pipeline for enrichment when installed; `_none` skips any default pipeline. */
  ingestPipeline?: string;
}

/** The same collector for the Kibana task and the command line: Graph in, ECS documents out. */
export function createCollectorDeps(options: CollectorPipelineOptions): CollectorDeps {
  const graph = new GraphClient({
    endpoints: options.endpoints,
    tokens: options.tokens,
    budget: options.budget,
    clock: options.clock,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    apiVersion: options.apiVersion,
    pageSize: options.pageSize,
    requestTimeoutMs: options.requestTimeoutMs,
    maxBudgetWaitMs: options.maxBudgetWaitMs,
    onRetry: options.onGraphRetry,
  });
  const map = createMessageTraceMapper(options.mapping);
  return {
    graph,
    clock: options.clock,
    saveCheckpoint: options.saveCheckpoint,
    async writeRows(rows: GraphMessageTrace[], signal?: AbortSignal): Promise<PageWriteOutcome> {
      // Mapped chunk by chunk as they are written: a page of 5000 is never in memory as documents.
      const documents = rows.map((row) => ({
        _id: messageTraceDocumentId(row),
        make: () => map(row).document,
      }));
      const result = await makeAndWriteDocuments(
        options.elasticsearch,
        options.dataStream,
        documents,
        {
          signal,
          pipeline: options.ingestPipeline,
        }
      );
      // A document Elasticsearch could still take later must not be skipped by moving on.
      const forbidden = result.failed.filter((failure) => isAuthorizationStatus(failure.status));
      if (forbidden.length > 0) throw new WriteForbiddenError(forbidden);
      const transient = result.failed.filter(
        (failure) => failure.status === 0 || isRetryableStatus(failure.status)
      );
      if (transient.length > 0) throw new WriteIncompleteError(transient);
      return {
        created: result.created,
        alreadyPresent: result.alreadyPresent,
        failed: result.failed.map((failure) => ({
          id: failure._id,
          reason: `${failure.status}: ${failure.reason}`,
        })),
      };
    },
  };
}
