import { deliveryFailureOf } from '../../common/delivery_failure';
import type { MessageRow, MessageTrail } from '../../common/http_api/views';
import { TRANSIENT_STATUSES } from '../../common/message_status';
import type { Clock } from '../lib/collector/clock';
import { GraphClient } from '../lib/graph/graph_client';
import type { RetryPolicy } from '../lib/graph/retry_policy';
import { TtlCache } from '../lib/views/ttl_cache';
import type { CollectorResources } from './collector_resources';
import type { ConnectionStore } from './connection_store';

/** An analyst waits for this: a few quick retries, never the collector's minute-long backoff. */
const INTERACTIVE_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 4000,
  random: Math.random,
};
/** Longer than this for a slot of the on-demand share, and the analyst is told when to try again. */
const MAX_BUDGET_WAIT_MS = 5000;
const REQUEST_TIMEOUT_MS = 30_000;
/** A settled row's trail no longer changes; one in flight may gain events any minute. */
const SETTLED_TTL_MS = 60 * 60_000;
const IN_FLIGHT_TTL_MS = 60_000;
const CACHED_TRAILS = 500;

const trailKey = (connectionId: string, traceId: string, recipient: string) =>
  [connectionId, traceId.toLowerCase(), recipient.toLowerCase()].join('|');

export interface TrailRow {
  connectionId: string;
  traceId: string;
  recipient: string;
  /** The row's latest status: how long its trail may be cached. */
  status: string;
}

/**
 * getDetailsByRecipient for one row, through the connection's credentials, cached in memory. Each
 * Graph request is taken from the tenant's on-demand share, within the asking user's part of it:
 * never from collection's part, so no number of trails can delay collection.
 */
export class MessageTrailService {
  private readonly cache: TtlCache<Omit<MessageTrail, 'cached'>>;

  constructor(
    private readonly deps: {
      connections: Pick<ConnectionStore, 'getWithSecrets'>;
      resources: CollectorResources;
      clock: Clock;
    }
  ) {
    this.cache = new TtlCache(deps.clock, CACHED_TRAILS);
  }

  /** `username`: whose part of the on-demand share a Graph request is taken from. */
  async trail(
    row: TrailRow,
    username: string | undefined,
    signal?: AbortSignal
  ): Promise<MessageTrail> {
    const key = trailKey(row.connectionId, row.traceId, row.recipient);
    const inFlight = (TRANSIENT_STATUSES as readonly string[]).includes(row.status);
    const { value, cached } = await this.cache.getOrLoad(
      key,
      () => this.fetch(row, username, signal),
      () => (inFlight ? IN_FLIGHT_TTL_MS : SETTLED_TTL_MS)
    );
    return { ...value, cached };
  }

  /**
   * Each row's failure where its trail is already cached: a table of rows never spends Graph
   * requests, so a row whose trail nobody opened yet has none.
   */
  withKnownFailures(rows: MessageRow[]): MessageRow[] {
    return rows.map((row) => {
      if (!row.connectionId || !row.recipient) return row;
      const failure = this.cache.get(
        trailKey(row.connectionId, row.traceId, row.recipient)
      )?.failure;
      return failure ? { ...row, failure } : row;
    });
  }

  private async fetch(row: TrailRow, username: string | undefined, signal?: AbortSignal) {
    const connection = await this.deps.connections.getWithSecrets(row.connectionId);
    const { resources, clock } = this.deps;
    const { tenantId, requestBudget } = connection.settings;
    const graph = new GraphClient({
      endpoints: resources.endpoints,
      tokens: resources.tokensFor(connection),
      budget: resources.onDemandBudgetFor(tenantId, requestBudget, username),
      clock,
      retry: INTERACTIVE_RETRY,
      maxBudgetWaitMs: () => MAX_BUDGET_WAIT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    const { events: details } = await graph.detailsByRecipient(row.traceId, row.recipient, signal);
    const events = details
      .map((event) => ({
        dateTime: event.dateTime,
        event: event.event,
        ...(event.action ? { action: event.action } : {}),
        ...(event.description ? { description: event.description } : {}),
        ...(event.data ? { data: event.data } : {}),
      }))
      .sort((a, b) => Date.parse(a.dateTime) - Date.parse(b.dateTime));
    const failure = deliveryFailureOf(events);
    return {
      events,
      ...(failure ? { failure } : {}),
      fetchedAt: new Date(clock.now()).toISOString(),
    };
  }
}
