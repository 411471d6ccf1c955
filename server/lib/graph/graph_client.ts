import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { formatCodecErrors } from '../../../common/codec_errors';
import {
  graphMessageTraceCodec,
  graphMessageTraceDetailCodec,
  graphMessageTraceDetailPageCodec,
  graphMessageTracePageCodec,
  type GraphMessageTrace,
  type GraphMessageTraceDetail,
} from '../../../common/graph/message_trace';
import type { BudgetTaker } from '../budget/request_budget';
import type { Clock } from '../collector/clock';
import { GraphError, graphErrorFromResponse, retryAfterMs } from './graph_error';
import type { GraphEndpoints } from './graph_hosts';
import { sendRequest } from './http_transport';
import { withRetries, type RetryPolicy } from './retry_policy';
import type { TokenProvider } from './token_provider';
import { DAY_MS, MINUTE_MS } from '../../../common/time';

export const MAX_WINDOW_MS = 10 * DAY_MS;
export const MAX_PAGE_SIZE = 5000;

export interface TimeWindow {
  start: number;
  end: number;
}

export interface RejectedRow {
  reason: string;
  /** The row as received, cut to a size that is safe to keep in status and logs. */
  row: string;
}

export interface MessageTracePage {
  rows: GraphMessageTrace[];
  rejected: RejectedRow[];
  nextLink?: string;
}

export interface GraphClientOptions {
  endpoints: GraphEndpoints;
  tokens: TokenProvider;
  /** Collection's part of the tenant's budget, or a user's take of the on-demand share. */
  budget: BudgetTaker;
  clock: Clock;
  retry: RetryPolicy;
  apiVersion?: 'v1.0' | 'beta';
  pageSize?: number;
  requestTimeoutMs?: number;
  /** A task's run ends rather than wait this long for the budget (see BudgetWaitTooLong). */
  maxBudgetWaitMs?: () => number;
  onRetry?: (error: GraphError, delayMs: number) => void;
}

/** Graph wants `YYYY-MM-DDThh:mm:ssZ`; both bounds are inclusive, so windows may share a second. */
const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function decodeRows<T>(codec: t.Decoder<unknown, T>, values: unknown[]) {
  const rows: T[] = [];
  const rejected: RejectedRow[] = [];
  for (const value of values) {
    const decoded = codec.decode(value);
    if (isLeft(decoded)) {
      rejected.push({
        reason: formatCodecErrors(decoded.left).join('; '),
        row: JSON.stringify(value)?.slice(0, 500) ?? 'undefined',
      });
    } else {
      rows.push(decoded.right);
    }
  }
  return { rows, rejected };
}

/** The message trace API of Microsoft Graph, within the tenant's budget and with retries. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  private get apiRoot() {
    return `${this.options.endpoints.graphUrl}/${this.options.apiVersion ?? 'v1.0'}`;
  }

  messageTracesUrl(window: TimeWindow): string {
    if (window.end - window.start > MAX_WINDOW_MS)
      throw new Error('A message trace query spans at most 10 days');
    const filter = `receivedDateTime ge ${graphTime(window.start)} and receivedDateTime le ${graphTime(window.end)}`;
    const top = Math.min(this.options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    return `${this.apiRoot}/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}&$top=${top}`;
  }

  /** The first page of a window, or the page a previous `nextLink` points to, followed verbatim. */
  async listMessageTraces(
    from: { window: TimeWindow } | { nextLink: string },
    signal?: AbortSignal
  ): Promise<MessageTracePage> {
    const url = 'nextLink' in from ? from.nextLink : this.messageTracesUrl(from.window);
    const body = await this.get(url, signal);
    const page = graphMessageTracePageCodec.decode(body);
    if (isLeft(page)) {
      throw new GraphError(
        'invalidResponse',
        `Unexpected message trace page: ${formatCodecErrors(page.left).join('; ')}`
      );
    }
    return {
      ...decodeRows(graphMessageTraceCodec, page.right.value),
      nextLink: page.right['@odata.nextLink'],
    };
  }

  async detailsByRecipient(traceId: string, recipient: string, signal?: AbortSignal) {
    const quoted = recipient.replace(/'/g, "''");
    let url: string | undefined =
      `${this.apiRoot}/admin/exchange/tracing/messageTraces/${encodeURIComponent(traceId)}/getDetailsByRecipient(recipientAddress='${encodeURIComponent(quoted)}')`;
    const events: GraphMessageTraceDetail[] = [];
    const rejected: RejectedRow[] = [];
    while (url) {
      const page = graphMessageTraceDetailPageCodec.decode(await this.get(url, signal));
      if (isLeft(page))
        throw new GraphError('invalidResponse', 'Unexpected message trace detail page');
      const decoded = decodeRows(graphMessageTraceDetailCodec, page.right.value);
      events.push(...decoded.rows);
      rejected.push(...decoded.rejected);
      url = page.right['@odata.nextLink'];
    }
    return { events, rejected };
  }

  /** Verified domains of the tenant (needs Domain.Read.All; a 403 means it was not granted). */
  async verifiedDomains(signal?: AbortSignal): Promise<string[]> {
    const body = t
      .type({ value: t.array(t.type({ id: t.string, isVerified: t.boolean })) })
      .decode(await this.getOnce(`${this.options.endpoints.graphUrl}/v1.0/domains`, signal, false));
    if (isLeft(body)) throw new GraphError('invalidResponse', 'Unexpected /domains response');
    return body.right.value
      .filter((domain) => domain.isVerified)
      .map((domain) => domain.id.toLowerCase());
  }

  private get(url: string, signal?: AbortSignal): Promise<unknown> {
    const attempt = () =>
      this.getOnce(url, signal, true).catch((error: unknown) => {
        // A token Graph no longer accepts (expired by its clock, or revoked): one fresh token.
        if (error instanceof GraphError && error.kind === 'authentication') {
          return this.getOnce(url, signal, true, true);
        }
        throw error;
      });
    return withRetries(attempt, {
      clock: this.options.clock,
      policy: this.options.retry,
      signal,
      onRetry: this.options.onRetry,
    });
  }

  private async getOnce(
    url: string,
    signal: AbortSignal | undefined,
    countsAgainstBudget: boolean,
    freshToken = false
  ) {
    // A nextLink is followed as returned, but the token only ever goes to the Graph host.
    if (new URL(url).origin !== new URL(this.options.endpoints.graphUrl).origin) {
      throw new GraphError(
        'invalidResponse',
        `Refusing to follow a link outside ${this.options.endpoints.graphUrl}`
      );
    }
    const token = await this.options.tokens.accessToken(signal, freshToken);
    if (countsAgainstBudget)
      await this.options.budget.acquire(signal, this.options.maxBudgetWaitMs?.());
    const response = await sendRequest({
      method: 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        prefer: 'include-unknown-enum-members',
      },
      timeoutMs: this.options.requestTimeoutMs ?? MINUTE_MS,
      signal,
      caCertificate: this.options.endpoints.caCertificate,
    }).catch((error: Error & { kind?: 'timeout' | 'network' | 'aborted' }) => {
      throw new GraphError(error.kind ?? 'network', error.message);
    });
    if (response.status !== 200) {
      throw graphErrorFromResponse(
        response.status,
        response.text,
        retryAfterMs(response.headers['retry-after'], this.options.clock.now())
      );
    }
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw new GraphError(
        'invalidResponse',
        `Microsoft Graph sent a response that is not JSON (${response.text.length} bytes)`
      );
    }
  }
}
