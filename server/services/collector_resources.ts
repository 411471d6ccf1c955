import type { ISavedObjectsRepository } from '@kbn/core/server';
import { RequestBudget } from '../lib/budget/request_budget';
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
 * What outlives a single run: one budget per tenant (shared by every connection, test and the
 * detail route; its stored requests are shared with the other Kibana nodes, and one object per
 * tenant queues this node's takers) and one MSAL application per connection version (its token
 * cache).
 */
export class CollectorResources {
  private readonly budgets = new Map<string, RequestBudget>();
  private readonly tokens = new Map<string, TokenProvider>();

  constructor(
    private readonly repository: ISavedObjectsRepository,
    private readonly clock: Clock,
    readonly endpoints: GraphEndpoints
  ) {}

  budgetFor(tenantId: string, limit: number): RequestBudget {
    const key = tenantId.toLowerCase();
    const existing = this.budgets.get(key);
    if (existing?.limit === limit) return existing;
    const budget = new RequestBudget(
      savedObjectBudgetStore(this.repository, key),
      this.clock,
      limit
    );
    this.budgets.set(key, budget);
    return budget;
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
