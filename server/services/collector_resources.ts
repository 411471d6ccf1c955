import { createHash } from 'node:crypto';
import type { ISavedObjectsRepository } from '@kbn/core/server';
import type { BudgetTaker, RequestBudget } from '../lib/budget/request_budget';
import { tenantBudget, type TenantBudget } from '../lib/budget/tenant_budget';
import type { Clock } from '../lib/collector/clock';
import type { GraphEndpoints } from '../lib/graph/graph_hosts';
import { TokenProvider, type ClientCredential } from '../lib/graph/token_provider';
import type { ConnectionWithSecrets } from './connection_store';
import { savedObjectBudgetStore } from './saved_object_budget_store';

const TOKEN_TIMEOUT_MS = 30_000;

function credentialOf(connection: ConnectionWithSecrets): ClientCredential {
  const { settings, secrets } = connection;
  if (settings.authMethod === 'certificate') {
    if (!secrets.certificatePrivateKey || !settings.certificateThumbprint) {
      throw new Error(
        'The connection uses a certificate but its private key or thumbprint is missing'
      );
    }
    return {
      kind: 'certificate',
      privateKeyPem: secrets.certificatePrivateKey,
      thumbprint: settings.certificateThumbprint,
    };
  }
  if (!secrets.clientSecret) throw new Error('The connection uses a client secret but none is set');
  return { kind: 'secret', clientSecret: secrets.clientSecret };
}

/**
 * Who takes from an on-demand share, as stored: a digest, as the name itself is not needed. Without
 * a user (Elasticsearch's security off), every request is one requester's.
 */
const requesterKey = (username: string | undefined) =>
  createHash('sha256')
    .update(username ?? '')
    .digest('base64url')
    .slice(0, 22);

/**
 * What outlives a single run: one budget per tenant, split into collection's part (taken by every
 * connection to the tenant) and the share of on-demand requests (event trails and connection
 * tests), each stored once for all Kibana nodes and queued once per node; and one MSAL application
 * per connection version (its token cache).
 */
export class CollectorResources {
  private readonly budgets = new Map<string, TenantBudget>();
  private readonly tokens = new Map<string, TokenProvider>();

  constructor(
    private readonly repository: ISavedObjectsRepository,
    private readonly clock: Clock,
    readonly endpoints: GraphEndpoints
  ) {}

  private tenantBudget(tenantId: string, limit: number): TenantBudget {
    const key = tenantId.toLowerCase();
    const existing = this.budgets.get(key);
    if (existing?.limit === limit) return existing;
    const budget = tenantBudget(
      {
        collection: savedObjectBudgetStore(this.repository, key, 'collection'),
        onDemand: savedObjectBudgetStore(this.repository, key, 'onDemand'),
      },
      this.clock,
      limit
    );
    this.budgets.set(key, budget);
    return budget;
  }

  /** Collection's part of the tenant's budget of `limit` requests per 5 minutes. */
  budgetFor(tenantId: string, limit: number): RequestBudget {
    return this.tenantBudget(tenantId, limit).collection;
  }

  /** What `username` may take of the tenant's on-demand share, for an event trail or a test. */
  onDemandBudgetFor(tenantId: string, limit: number, username: string | undefined): BudgetTaker {
    return this.tenantBudget(tenantId, limit).onDemand.for(requesterKey(username));
  }

  tokensFor(connection: ConnectionWithSecrets): TokenProvider {
    const key = `${connection.id}@${connection.updatedAt}`;
    let provider = this.tokens.get(key);
    if (!provider) {
      for (const stale of [...this.tokens.keys()].filter((k) => k.startsWith(`${connection.id}@`)))
        this.tokens.delete(stale);
      provider = new TokenProvider({
        tenantId: connection.settings.tenantId,
        clientId: connection.settings.clientId,
        credential: credentialOf(connection),
        endpoints: this.endpoints,
        timeoutMs: TOKEN_TIMEOUT_MS,
      });
      this.tokens.set(key, provider);
    }
    return provider;
  }
}
