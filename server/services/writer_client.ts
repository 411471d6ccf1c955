import type { CoreStart } from '@kbn/core/server';
import type { SecurityPluginStart } from '@kbn/security-plugin/server';
import type { WriterClient } from '../lib/writer/bulk_writer';
import type { ConnectionWithSecrets } from './connection_store';

export class ApiKeyMissingError extends Error {
  constructor() {
    super('This connection has no API key to write with: re-authorise it on the settings page');
  }
}

/**
 * In a secured cluster Kibana's internal user cannot write to logs-* data streams, so documents
 * are written with an API key granted for the user who configured the connection. Only without the
 * security plugin (security off) is the internal user the writer.
 */
export function writerClientFactory(core: CoreStart, security: SecurityPluginStart | undefined) {
  return async (connection: ConnectionWithSecrets): Promise<WriterClient> => {
    if (connection.writerApiKey) {
      // A fake request carrying only the key, as Alerting scopes a rule's client to its API key.
      const fakeRequest = { headers: { authorization: `ApiKey ${connection.writerApiKey}` } };
      return core.elasticsearch.client.asScoped(fakeRequest).asCurrentUser;
    }
    if (!security || !(await security.authc.apiKeys.areAPIKeysEnabled())) {
      return core.elasticsearch.client.asInternalUser;
    }
    throw new ApiKeyMissingError();
  };
}
