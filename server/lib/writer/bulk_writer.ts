import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Client, type estypes } from '@elastic/elasticsearch';
import { withEventIngested } from '../ecs/event_ingested';
import {
  describeCause,
  describeError,
  errorStatus,
  isRetryableStatus,
  isTransientError,
} from './es_errors';
import { abortReason, abortableSleep, backoffDelay, type Sleep } from './retry';

/**
 * The writer never creates a client: it is handed one (in a secured cluster, scoped to the API key of
 * the user who set the connection up). That key needs `create_doc` and `auto_configure`; with `read`
 * as well, the duplicate look-up also covers documents in older backing indices.
 */
// `transport` because the client's methods run with `this` = { transport }.
export type WriterClient = Pick<Client, 'search' | 'bulk' | 'transport'>;

export interface DocumentToWrite {
  _id: string;
  document: object;
}

export interface WriteDocumentsOptions {
  signal?: AbortSignal;
  /** Attempts per document (and per look-up), the first included. Default 5. */
  maxAttempts?: number;
  sleep?: Sleep;
  /** Ingest pipeline; default `_none`, which also skips an index's default_pipeline. */
  pipeline?: string;
  /** Default false: refreshing per page costs the cluster and nobody waits for it. */
  refresh?: boolean | 'wait_for';
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Documents per look-up and bulk request. Default 1000 (the look-up is capped at 10,000 hits). */
  chunkSize?: number;
  /**
   * Wall-clock time for `event.ingested`, default `Date.now`. Never the collector's clock: the rules
   * that read the field compare it with Elasticsearch's own `now`, as Fleet's `_ingest.timestamp` is.
   */
  now?: () => number;
}

export interface WriteFailure {
  _id: string;
  /** HTTP status of the last attempt; 0 when the cluster could not be reached. */
  status: number;
  reason: string;
}

export interface WriteDocumentsResult {
  created: number;
  alreadyPresent: number;
  failed: WriteFailure[];
}

interface Settings {
  signal?: AbortSignal;
  maxAttempts: number;
  sleep: Sleep;
  pipeline: string;
  refresh: boolean | 'wait_for';
  baseDelayMs: number;
  maxDelayMs: number;
  now: () => number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; reason: string };

/** Our own retries replace the transport's (which retries at once, without backoff). */
function requestOptions(settings: Settings) {
  return { signal: settings.signal, maxRetries: 0 };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

async function pause(attempt: number, settings: Settings): Promise<void> {
  await settings.sleep(backoffDelay(attempt, settings), settings.signal);
}

/** A whole request with retries on 429, 5xx and network errors; other errors end it at once. */
async function request<T>(settings: Settings, call: () => Promise<T>): Promise<Outcome<T>> {
  for (let attempt = 1; ; attempt += 1) {
    throwIfAborted(settings.signal);
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      throwIfAborted(settings.signal);
      if (!isTransientError(error) || attempt >= settings.maxAttempts) {
        return { ok: false, status: errorStatus(error) ?? 0, reason: describeError(error) };
      }
    }
    await pause(attempt, settings);
  }
}

/**
 * `_id`s already anywhere in the data stream. A `create` only conflicts within the current write
 * index, so without this look-up a re-read after a rollover would write a second copy.
 */
async function findExisting(
  client: WriterClient,
  dataStream: string,
  ids: string[],
  settings: Settings
): Promise<Outcome<Set<string>>> {
  const outcome = await request(settings, () =>
    client.search(
      {
        index: dataStream,
        query: { ids: { values: ids } },
        _source: false,
        size: ids.length,
        track_total_hits: false,
        // The data stream appears with its first write: until then nothing exists, which is fine.
        ignore_unavailable: true,
        allow_no_indices: true,
      },
      requestOptions(settings)
    )
  );
  // A writer that may not search (no `read`) fails too: the write index's own `_id` conflicts
  // would miss every copy from before a rollover, so writing on would store them twice.
  if (!outcome.ok) return outcome;
  return { ok: true, value: new Set(outcome.value.hits.hits.map((hit) => hit._id as string)) };
}

function isRetryableItem(status: number, error: estypes.ErrorCause | undefined): boolean {
  return isRetryableStatus(status) || error?.type === 'es_rejected_execution_exception';
}

async function writeChunk(
  client: WriterClient,
  dataStream: string,
  chunk: DocumentToWrite[],
  existing: Outcome<Set<string>>,
  settings: Settings,
  result: WriteDocumentsResult
): Promise<void> {
  if (!existing.ok) {
    // Writing blind could duplicate across a rollover, so a failed look-up fails the chunk.
    for (const entry of chunk) result.failed.push({ _id: entry._id, ...failure(existing) });
    return;
  }
  let pending = chunk.filter((entry) => !existing.value.has(entry._id));
  result.alreadyPresent += chunk.length - pending.length;
  let lastFailure = new Map<string, WriteFailure>();

  for (let attempt = 1; pending.length > 0; attempt += 1) {
    throwIfAborted(settings.signal);
    const batch = pending;
    // Stamped per attempt: a document a failed attempt did not store is created by a later one.
    const ingestedAt = settings.now();
    let response: estypes.BulkResponse;
    try {
      response = await client.bulk(
        {
          index: dataStream,
          pipeline: settings.pipeline,
          refresh: settings.refresh,
          // Never auto-create a plain index where the data stream belongs (e.g. template missing).
          require_data_stream: true,
          operations: batch.flatMap((entry) => [
            { create: { _id: entry._id } },
            withEventIngested(entry.document, ingestedAt),
          ]),
        },
        requestOptions(settings)
      );
    } catch (error) {
      throwIfAborted(settings.signal);
      const status = errorStatus(error) ?? 0;
      const reason = describeError(error);
      lastFailure = new Map(batch.map((entry) => [entry._id, { _id: entry._id, status, reason }]));
      if (!isTransientError(error) || attempt >= settings.maxAttempts) break;
      await pause(attempt, settings);
      continue;
    }

    const retry: DocumentToWrite[] = [];
    lastFailure = new Map();
    response.items.forEach((item, index) => {
      const entry = batch[index];
      const outcome = item.create;
      if (!entry) return;
      if (!outcome) {
        result.failed.push({
          _id: entry._id,
          status: 0,
          reason: 'no create result in the bulk response',
        });
        return;
      }
      if (outcome.status === 200 || outcome.status === 201) result.created += 1;
      // op_type create: 409 means a copy is already in the write index, the goal of a re-read.
      else if (outcome.status === 409) result.alreadyPresent += 1;
      else {
        const failed = {
          _id: entry._id,
          status: outcome.status,
          reason: describeCause(outcome.error),
        };
        if (isRetryableItem(outcome.status, outcome.error)) {
          retry.push(entry);
          lastFailure.set(entry._id, failed);
        } else {
          // Mapping and other 4xx errors fail the same way every time.
          result.failed.push(failed);
        }
      }
    });
    pending = retry;
    if (pending.length === 0 || attempt >= settings.maxAttempts) break;
    await pause(attempt, settings);
  }
  for (const entry of pending) {
    const last = lastFailure.get(entry._id);
    result.failed.push(last ?? { _id: entry._id, status: 0, reason: 'not written' });
  }
}

function failure(outcome: { status: number; reason: string }): Omit<WriteFailure, '_id'> {
  return { status: outcome.status, reason: outcome.reason };
}

/** A document made only when its chunk is next to be written. */
export interface DocumentToMake {
  _id: string;
  make(): object;
}

/**
 * Writes documents to a data stream exactly once per `_id`, across rollovers: existing `_id`s are
 * skipped, the rest go in as `create`, each with `event.ingested` set to the time of its write
 * (a stored document is never written again, so it keeps its own). Transient failures are retried per document with backoff;
 * the others come back in `failed` with Elasticsearch's reason. Rejects when `signal` aborts (some
 * documents may already be written; writing them again is harmless).
 */
export function writeDocuments(
  client: WriterClient,
  dataStream: string,
  documents: readonly DocumentToWrite[],
  options: WriteDocumentsOptions = {}
): Promise<WriteDocumentsResult> {
  const toMake = documents.map((entry) => ({ _id: entry._id, make: () => entry.document }));
  return makeAndWriteDocuments(client, dataStream, toMake, options);
}

/**
 * writeDocuments for documents made on demand (mapped from rows): only the chunk being written
 * and the next one are ever made, so a large page never sits in memory whole.
 */
export async function makeAndWriteDocuments(
  client: WriterClient,
  dataStream: string,
  documents: readonly DocumentToMake[],
  options: WriteDocumentsOptions = {}
): Promise<WriteDocumentsResult> {
  const settings: Settings = {
    signal: options.signal,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    sleep: options.sleep ?? abortableSleep,
    pipeline: options.pipeline ?? '_none',
    refresh: options.refresh ?? false,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    now: options.now ?? Date.now,
  };
  const chunkSize = Math.min(10_000, Math.max(1, options.chunkSize ?? 1000));
  const result: WriteDocumentsResult = { created: 0, alreadyPresent: 0, failed: [] };

  // The same observation twice in one call: write it once, count the rest as present.
  const unique = new Map<string, DocumentToMake>();
  for (const entry of documents) {
    if (unique.has(entry._id)) result.alreadyPresent += 1;
    else unique.set(entry._id, entry);
  }
  const entries = [...unique.values()];
  const chunks: DocumentToMake[][] = [];
  for (let start = 0; start < entries.length; start += chunkSize) {
    chunks.push(entries.slice(start, start + chunkSize));
  }
  const lookUp = (chunk: DocumentToMake[]) => {
    const outcome = findExisting(
      client,
      dataStream,
      chunk.map((entry) => entry._id),
      settings
    );
    // Rejects only when aborted, which the write in progress reports; never unhandled.
    outcome.catch(() => undefined);
    return outcome;
  };
  const make = (chunk: DocumentToMake[]) =>
    chunk.map((entry) => ({ _id: entry._id, document: entry.make() }));
  // While one chunk's bulk is out, the next chunk's look-up runs and its documents are made: the
  // chunks hold different `_id`s (duplicates were merged above), so one's write cannot change the
  // other's answer.
  let next = chunks.length > 0 ? lookUp(chunks[0]!) : undefined;
  let made = chunks.length > 0 ? make(chunks[0]!) : [];
  for (let index = 0; index < chunks.length; index += 1) {
    throwIfAborted(settings.signal);
    const existing = await next!;
    const following = chunks[index + 1];
    next = following ? lookUp(following) : undefined;
    const writing = writeChunk(client, dataStream, made, existing, settings, result);
    // Awaited below; until then a rejection (abort) must not count as unhandled.
    writing.catch(() => undefined);
    if (following) {
      // A turn of the event loop first, so the bulk is on its way while the CPU makes the rest.
      await nextTurn();
      made = make(following);
    }
    await writing;
  }
  return result;
}
