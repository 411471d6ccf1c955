import type { DiscoverDomainsResponse } from '../../../common/http_api/connections';
import type { GraphClient } from '../graph/graph_client';
import { GraphError } from '../graph/graph_error';
import type { GraphEndpoints } from '../graph/graph_hosts';
import type { TokenProvider } from '../graph/token_provider';
import type { ConnectionUnderTest } from './diagnostic_clients';
import { diagnoseGraphFailure, diagnoseTokenFailure, diagnosisContext } from './explanations';

export interface DomainDiscoveryDeps {
  tokens: Pick<TokenProvider, 'accessToken'>;
  graph: Pick<GraphClient, 'verifiedDomains'>;
  endpoints: Pick<GraphEndpoints, 'loginUrl' | 'graphUrl'>;
}

const TYPE_THEM = 'You can type the local domains instead.';

/**
 * The tenant's verified domains from Graph, or why they cannot be read (never an exception). The
 * reason is the plugin's own explanation, never Microsoft's text, so it holds no secret to redact.
 */
export async function discoverDomains(
  connection: ConnectionUnderTest,
  deps: DomainDiscoveryDeps,
  signal?: AbortSignal
): Promise<DiscoverDomainsResponse> {
  try {
    await deps.tokens.accessToken(signal, true);
  } catch (error) {
    const { cause, code } = diagnoseTokenFailure(
      error,
      diagnosisContext(connection, deps.endpoints.loginUrl)
    );
    return {
      available: false,
      reason: `Signing in as the app failed${code ? ` (${code})` : ''}: ${cause} Test the connection for the fix. ${TYPE_THEM}`,
    };
  }
  try {
    return { available: true, domains: await deps.graph.verifiedDomains(signal) };
  } catch (error) {
    if (error instanceof GraphError && error.kind === 'forbidden') {
      return {
        available: false,
        reason: `The app may not read the tenant's domains: it lacks the Microsoft Graph application permission Domain.Read.All with admin consent. Grant it to have the domains filled in, or type the local domains.`,
      };
    }
    const { cause } = diagnoseGraphFailure(
      error,
      diagnosisContext(connection, deps.endpoints.graphUrl)
    );
    return {
      available: false,
      reason: `Reading the tenant's domains failed: ${cause} ${TYPE_THEM}`,
    };
  }
}
