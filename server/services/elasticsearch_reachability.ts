import type { ElasticsearchClient } from '@kbn/core/server';
import type { Clock } from '../lib/collector/clock';
import { errorStatus } from '../lib/writer/es_errors';

/** A probe waits this long for an answer: callers are promised theirs within 2 s. */
export const PROBE_TIMEOUT_MS = 1_000;
/** How often a run that could not record its result asks again whether it can. */
const RECORD_POLL_MS = 1_000;
/** Kibana's own indices, Task Manager's (`.kibana_task_manager`) among them. */
const KIBANA_INDICES = '.kibana*';

export type ProbeResult = { answered: true; status: number } | { answered: false; reason: string };

/** Node's network error codes, as the client's message carries them, in words. */
const NETWORK_CAUSES: Array<[RegExp, string]> = [
  [/ECONNREFUSED/, 'it refuses connections'],
  [/ECONNRESET|EPIPE|socket hang up/i, 'it closed the connection'],
  [/ENOTFOUND|EAI_AGAIN/, 'its host name does not resolve'],
  [/EHOSTUNREACH|ENETUNREACH/, 'its host cannot be reached'],
];

/**
 * Why a request got no answer, without Elasticsearch's address: the 503 goes to callers that are
 * not authenticated yet.
 */
function unansweredReason(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  if (name === 'TimeoutError') return `it did not answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  const cause = NETWORK_CAUSES.find(([pattern]) => pattern.test(message ?? ''));
  return cause ? cause[1] : `the connection failed (${name ?? 'unknown error'})`;
}

export const elasticsearchUnreachableMessage = (reason: string) =>
  `Elasticsearch cannot be reached: ${reason}. Exchange Message Trace answers again as soon as it can.`;

/**
 * Whether Elasticsearch answers at all, asked with one request that neither retries nor waits
 * long. Kibana's client retries a failed connection three times with growing pauses (about 7 s in
 * all: @elastic/transport Transport.js `retryBackoff`; Kibana sets no `maxRetries`,
 * src/core/packages/elasticsearch/client-server-internal/src/client_config.ts @ 12071a2d), and a
 * request that gets no answer waits for `elasticsearch.requestTimeout` (60 s,
 * src/core/packages/elasticsearch/server-internal/src/elasticsearch_config.ts @ 062321c1).
 */
export class ElasticsearchReachability {
  private inFlight: Promise<ProbeResult> | undefined;

  constructor(
    private readonly client: ElasticsearchClient,
    private readonly clock: Clock
  ) {}

  /** One probe at a time: callers arriving while it runs share its answer. */
  probe(): Promise<ProbeResult> {
    this.inFlight ??= this.ping().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async ping(): Promise<ProbeResult> {
    try {
      const { statusCode } = await this.client.ping(undefined, {
        maxRetries: 0,
        requestTimeout: PROBE_TIMEOUT_MS,
        meta: true,
      });
      return { answered: true, status: statusCode ?? 200 };
    } catch (error) {
      // A refusal is an answer too.
      const status = errorStatus(error);
      return status === undefined
        ? { answered: false, reason: unansweredReason(error) }
        : { answered: true, status };
    }
  }

  /**
   * Kibana's own indices (Task Manager's among them) take writes again: a node coming back
   * answers before it has recovered them, and before the security index that authenticates
   * Kibana's user, and a write then would fail as surely as one to a node that is down.
   */
  private async kibanaIndicesRecovered(): Promise<boolean> {
    try {
      const health = await this.client.cluster.health(
        { index: KIBANA_INDICES, wait_for_status: 'yellow', timeout: `${PROBE_TIMEOUT_MS}ms` },
        { maxRetries: 0, requestTimeout: 2 * PROBE_TIMEOUT_MS }
      );
      return health.timed_out !== true;
    } catch {
      return false;
    }
  }

  /**
   * Waits until Elasticsearch answers without a server error and has recovered Kibana's indices,
   * so that what is written next (a task's result) can be stored. False when `until` passes
   * first; rejects when `signal` aborts.
   */
  async waitUntilAnswering(until: number, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      const result = await this.probe();
      if (result.answered && result.status < 500 && (await this.kibanaIndicesRecovered())) {
        return true;
      }
      const wait = Math.min(RECORD_POLL_MS, until - this.clock.now());
      if (wait <= 0) return false;
      await this.clock.sleep(wait, signal);
    }
  }
}
