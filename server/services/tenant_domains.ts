import { normalizeDomain } from '../lib/ecs/direction';
import type { Clock } from '../lib/collector/clock';
import { GraphClient } from '../lib/graph/graph_client';
import { DEFAULT_RETRY_POLICY } from '../lib/graph/retry_policy';
import { TtlCache } from '../lib/views/ttl_cache';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../../common/time';
import type { CollectorResources } from './collector_resources';
import type { ConnectionWithSecrets } from './connection_store';

/** A tenant's domains change rarely; a failed read is tried again within the hour. */
const VERIFIED_TTL_MS = DAY_MS;
const UNAVAILABLE_TTL_MS = HOUR_MS;
const MAX_BUDGET_WAIT_MS = 5 * SECOND_MS;
const REQUEST_TIMEOUT_MS = 30 * SECOND_MS;

/**
 * Our domains for a connection: the local domains it was given and the tenant's verified ones,
 * read from Graph as the settings page's discovery reads them. Exchange sends bounces and system
 * mail from the tenant's `*.onmicrosoft.com` domain, which an admin seldom types: without it that
 * mail would count as inbound from outside. Without Domain.Read.All, the given domains alone.
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
    const graph = new GraphClient({
      endpoints: this.resources.endpoints,
      tokens: this.resources.tokensFor(connection),
      budget: this.resources.budgetFor(settings.tenantId, settings.requestBudget),
      clock: this.clock,
      retry: DEFAULT_RETRY_POLICY,
      maxBudgetWaitMs: () => MAX_BUDGET_WAIT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    try {
      return { verified: await graph.verifiedDomains(signal) };
    } catch {
      return { verified: [] };
    }
  }
}
