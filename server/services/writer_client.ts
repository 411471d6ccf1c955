import type { CoreStart } from '@kbn/core/server';
import type { WriterClient } from '../lib/writer/bulk_writer';
import type { ApiKeysAvailability } from './api_keys_availability';
import type { ConnectionWithSecrets } from './connection_store';

export class ApiKeyMissingError extends Error {
  constructor(
    message = 'This connection has no API key to write with: re-authorise it on the settings page'
  ) {
    super(message);
  }
}

/** Kibana's own user, only where Elasticsearch security is off: it may not write to logs-*. */
export function unsecuredWriterClientFactory(core: CoreStart, apiKeys: ApiKeysAvailability) {
  return async (): Promise<WriterClient> => {
    if (!(await apiKeys.enabled())) return core.elasticsearch.client.asInternalUser;
    throw new ApiKeyMissingError(
      "Kibana may not write to logs-* data streams in a secured cluster: set exchange_message_trace.files.connectionId so files are written with that connection's API key"
    );
  };
}

/**
 * In a secured cluster Kibana's internal user cannot write to logs-* data streams, so documents
 * are written with an API key granted for the user who configured the connection. Only where
 * Elasticsearch has no API keys (security off) is the internal user the writer.
 */
export function writerClientFactory(core: CoreStart, apiKeys: ApiKeysAvailability) {
  const unsecuredWriter = unsecuredWriterClientFactory(core, apiKeys);
  return async (connection: ConnectionWithSecrets): Promise<WriterClient> => {
    if (connection.writerApiKey) {
      // A fake request carrying only the key, as Alerting scopes a rule's client to its API key.
      const fakeRequest = { headers: { authorization: `ApiKey ${connection.writerApiKey}` } };
      return core.elasticsearch.client.asScoped(fakeRequest).asCurrentUser;
    }
    try {
      return await unsecuredWriter();
    } catch (error) {
      // The connection's own wording: it is mended by re-authorising, not by configuration.
      if (error instanceof ApiKeyMissingError) throw new ApiKeyMissingError();
      throw error;
    }
  };
}
