import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { SecurityPluginStart } from '@kbn/security-plugin/server';
import { dataStreamPattern } from '../lib/data_stream/data_stream_name';

/** What collection needs on our data streams, and nothing else (no read, no cluster privilege). */
export const WRITER_INDEX_PRIVILEGES = ['create_doc', 'auto_configure'] as const;

export interface WriterApiKey {
  /** `base64(id:api_key)`, as an `Authorization: ApiKey …` header carries it. Encrypted at rest. */
  apiKey: string;
  apiKeyId: string;
  grantedBy: string;
  grantedAt: string;
}

export function writerRoleDescriptors(dataset: string) {
  return {
    exchange_message_trace_writer: {
      cluster: [],
      indices: [{ names: [dataStreamPattern(dataset)], privileges: [...WRITER_INDEX_PRIVILEGES] }],
    },
  };
}

/**
 * An API key granted for the user configuring a connection, as Alerting does for rules: the
 * background task writes with it, because Kibana's own user may not write to logs-* data streams.
 * Undefined when Elasticsearch has API keys (security) turned off: then the internal user writes.
 */
export async function grantWriterApiKey(
  security: SecurityPluginStart | undefined,
  request: KibanaRequest,
  connection: { id: string; name: string },
  dataset: string,
  now: Date
): Promise<WriterApiKey | undefined> {
  if (!security || !(await security.authc.apiKeys.areAPIKeysEnabled())) return undefined;
  const granted = await security.authc.apiKeys.grantAsInternalUser(request, {
    name: `Exchange Message Trace: ${connection.name}`,
    role_descriptors: writerRoleDescriptors(dataset),
    metadata: { managed_by: 'exchange_message_trace', connection_id: connection.id },
  });
  if (!granted) return undefined;
  return {
    apiKey: Buffer.from(`${granted.id}:${granted.api_key}`).toString('base64'),
    apiKeyId: granted.id,
    grantedBy: security.authc.getCurrentUser(request)?.username ?? 'unknown user',
    grantedAt: now.toISOString(),
  };
}

/** A replaced or orphaned key stops working; failing to invalidate must not fail the user's change. */
export async function invalidateWriterApiKey(
  security: SecurityPluginStart | undefined,
  apiKeyId: string | undefined,
  logger: Logger
) {
  if (!security || !apiKeyId) return;
  try {
    await security.authc.apiKeys.invalidateAsInternalUser({ ids: [apiKeyId] });
  } catch (error) {
    logger.warn(`Could not invalidate API key ${apiKeyId}: ${(error as Error).message}`);
  }
}
