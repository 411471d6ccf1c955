import type {
  ElasticsearchClient,
  KibanaRequest,
  Logger,
  SecurityServiceStart,
} from '@kbn/core/server';
import { escapeControlCharacters } from '../../common/control_characters';
import { dataStreamPattern } from '../lib/data_stream/data_stream_name';
import { assertIndexPrivileges } from './index_privileges';

/**
 * What collection needs on our data streams, and nothing else (no cluster privilege): `read` lets
 * the writer find a re-read row's earlier copy in an older backing index after a rollover, so the
 * row is not stored twice.
 */
export const WRITER_INDEX_PRIVILEGES = ['read', 'create_doc', 'auto_configure'] as const;

export interface WriterApiKey {
  /** `base64(id:api_key)`, as an `Authorization: ApiKey …` header carries it. Encrypted at rest. */
  apiKey: string;
  apiKeyId: string;
  grantedBy: string;
  grantedAt: string;
}

/** Kibana cannot grant a key from this request's credentials (400: use a browser session). */
export class CannotGrantApiKeyError extends Error {}

/** Elasticsearch has API keys turned off while its security is on (400: a cluster setting). */
export class ApiKeysDisabledError extends Error {
  constructor() {
    super(
      'Elasticsearch security is on but its API keys are disabled ' +
        '(xpack.security.authc.api_key.enabled: false). Kibana may not write to logs-* data ' +
        'streams itself, so collection needs an API key: enable API keys in elasticsearch.yml.'
    );
  }
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
 * Kibana grants from the request's `Authorization` header: Basic becomes a password grant, Bearer
 * (SAML, OIDC, PKI, Kerberos and token sessions) an access-token grant, anything else is refused
 * (x-pack/platform/plugins/shared/security/server/authentication/api_keys/api_keys.ts @ 5b457a10,
 * `getGrantParams`).
 */
function assertGrantable(request: KibanaRequest) {
  const header = request.headers.authorization;
  const scheme = typeof header === 'string' ? header.split(/\s+/)[0]!.toLowerCase() : undefined;
  if (scheme === 'basic' || scheme === 'bearer') return;
  const presented = scheme ? `"${String(header).split(/\s+/)[0]}" credentials` : 'no credentials';
  throw new CannotGrantApiKeyError(
    `Collection writes with an API key that Kibana grants from the credentials of whoever saves ` +
      `the connection, and it cannot grant one from a request with ${presented} (an API key ` +
      `cannot create another). Save or re-authorise the connection in Kibana, logged in as a user.`
  );
}

const isApiKeysDisabled = (error: unknown) =>
  (error as { meta?: { body?: { error?: Record<string, unknown> } } }).meta?.body?.error?.[
    'disabled.feature'
  ] === 'api_keys';

/**
 * An API key granted for the user configuring a connection, as Alerting does for rules: the
 * background task writes with it, because Kibana's own user may not write to logs-* data streams.
 * Undefined where Elasticsearch security is off (no user is authenticated): then Kibana writes.
 * The user's own privileges are checked first, because a key never has more than its owner and one
 * granted without them would write nothing.
 */
export async function grantWriterApiKey(
  authc: SecurityServiceStart['authc'],
  asCurrentUser: ElasticsearchClient,
  request: KibanaRequest,
  connection: { id: string; name: string },
  dataset: string,
  now: Date
): Promise<WriterApiKey | undefined> {
  const user = authc.getCurrentUser(request);
  if (!user) return undefined;
  assertGrantable(request);
  await assertIndexPrivileges(
    asCurrentUser,
    [dataStreamPattern(dataset)],
    WRITER_INDEX_PRIVILEGES,
    'collection writes with an API key granted from your own privileges, and a key never has ' +
      'more than its owner. Ask an administrator to add them to your role.'
  );
  let granted;
  try {
    granted = await authc.apiKeys.grantAsInternalUser(request, {
      name: `Exchange Message Trace: ${connection.name}`,
      role_descriptors: writerRoleDescriptors(dataset),
      metadata: { managed_by: 'exchange_message_trace', connection_id: connection.id },
    });
  } catch (error) {
    if (isApiKeysDisabled(error)) throw new ApiKeysDisabledError();
    throw error;
  }
  if (!granted) return undefined;
  return {
    apiKey: Buffer.from(`${granted.id}:${granted.api_key}`).toString('base64'),
    apiKeyId: granted.id,
    grantedBy: user.username,
    grantedAt: now.toISOString(),
  };
}

/** A replaced or orphaned key stops working; failing to invalidate must not fail the user's change. */
export async function invalidateWriterApiKey(
  authc: SecurityServiceStart['authc'],
  apiKeyId: string | undefined,
  logger: Logger
) {
  if (!apiKeyId) return;
  try {
    await authc.apiKeys.invalidateAsInternalUser({ ids: [apiKeyId] });
  } catch (error) {
    logger.warn(
      `Could not invalidate API key ${apiKeyId}: ${escapeControlCharacters((error as Error).message)}`
    );
  }
}
