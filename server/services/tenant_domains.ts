import { normalizeDomain } from '../lib/ecs/direction';
import type { Clock } from '../lib/collector/clock';
import { GraphClient } from '../lib/graph/graph_client';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../lib/graph/retry_policy';
import { TtlCache } from '../lib/views/ttl_cache';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../../common/time';
import type { CollectorResources } from './collector_resources';
import type { ConnectionWithSecrets } from './connection_store';

/** A tenant's domains change rarely; a failed read is tried again within the hour. */
const VERIFIED_TTL_MS = DAY_MS;
const UNAVAILABLE_TTL_MS = HOUR_MS;
const REQUEST_TIMEOUT_MS = 30 * SECOND_MS;
/** A failed read is not worth the collector's minute-long backoff: the given domains do meanwhile. */
const ONE_ATTEMPT: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

/**
 * Our domains for a connection: the local domains it was given and the tenant's verified ones,
 * read from Graph as the settings page's discovery reads them. Exchange sends bounces and system
 * mail from the tenant's `*.onmicrosoft.com` domain, which an admin seldom types: without it that
 * mail would count as inbound from outside. Without Domain.Read.All (or when Graph fails), the given
 * domains alone; the /domains request is not a message trace request, so not in the budget.
 */
export class TenantDomains {
  private readonly cache: TtlCache<{ verified: string[] }>;

  constructor(
    private readonly resources: CollectorResources,
    private readonly clock: Clock
  ) {
    this.cache = new TtlCache(clock, 1000);
  }

  async localDomainsOf(connection: ConnectionWithSecrets, signal?: AbortSignal): Promise<string[]> {
    const { settings } = connection;
    const { value } = await this.cache.getOrLoad(
      // A saved connection (another tenant, a mended secret) reads them again.
      `${connection.id}@${connection.updatedAt}`,
      () => this.read(connection, signal),
      ({ verified }) => (verified.length > 0 ? VERIFIED_TTL_MS : UNAVAILABLE_TTL_MS)
    );
    return [...new Set([...settings.localDomains, ...value.verified].map(normalizeDomain))];
  }

  private async read(connection: ConnectionWithSecrets, signal?: AbortSignal) {
    const { settings } = connection;
    const tokens = this.resources.tokensFor(connection);
    // A refused sign-in fails the run as it would without this read: the collector signs in the
    // same way next, and must not find the failure used up here.
    await tokens.accessToken(signal);
    const graph = new GraphClient({
      endpoints: this.resources.endpoints,
      tokens,
      budget: this.resources.budgetFor(settings.tenantId, settings.requestBudget),
      clock: this.clock,
      retry: ONE_ATTEMPT,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    try {
      return { verified: await graph.verifiedDomains(signal) };
    } catch {
      return { verified: [] };
    }
  }
}
