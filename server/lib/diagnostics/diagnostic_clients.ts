import type { BudgetTaker } from '../budget/request_budget';
import type { Clock } from '../collector/clock';
import { GraphClient } from '../graph/graph_client';
import type { GraphEndpoints } from '../graph/graph_hosts';
import { DEFAULT_RETRY_POLICY } from '../graph/retry_policy';
import { TokenProvider, type ClientCredential } from '../graph/token_provider';

/** A connection as entered on the settings page, before or after it is saved. */
export interface ConnectionUnderTest {
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
}

export interface DiagnosticClientOptions {
  endpoints: GraphEndpoints;
  /**
   * The tester's take of the tenant's on-demand share: a test request counts against Microsoft's
   * limit like any other, but never delays collection.
   */
  budget: BudgetTaker;
  clock: Clock;
  /** Per request to Entra ID or Graph. */
  timeoutMs: number;
  /** Rather than wait longer for the budget, the test says when to try again. */
  maxBudgetWaitMs: number;
}

/**
 * A TokenProvider of its own (so a test never answers from the collector's token cache) and a
 * Graph client that asks once: a test reports what happened instead of retrying.
 */
export function diagnosticClients(
  connection: ConnectionUnderTest,
  options: DiagnosticClientOptions
) {
  const tokens = new TokenProvider({
    ...connection,
    endpoints: options.endpoints,
    timeoutMs: options.timeoutMs,
  });
  const graph = new GraphClient({
    endpoints: options.endpoints,
    tokens,
    budget: options.budget,
    clock: options.clock,
    retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 },
    pageSize: 1,
    requestTimeoutMs: options.timeoutMs,
    maxBudgetWaitMs: () => options.maxBudgetWaitMs,
  });
  return { tokens, graph };
}
