import {
  errors,
  SniffingTransport,
  type TransportRequestOptions,
  type TransportRequestParams,
} from '@elastic/elasticsearch';
import { ACTION_NAMES, GRANTED_BY, type IndexAccess } from './index_privileges';
import { requestAccess, type BulkOperation } from './request_access';

/**
 * Whose privileges a client carries: the test cluster runs without security, so the host decides
 * what Elasticsearch would have refused, and refuses it the way Elasticsearch does.
 */
export interface AccessPolicy {
  /** How Elasticsearch names the subject in a 403, e.g. `user [kibana_system]`. */
  subject: string;
  /** Throws a 401 when the credentials are no longer valid (an invalidated API key). */
  authenticate?(): Promise<void>;
  allowsIndex(index: string, access: IndexAccess): boolean;
  allowsCluster(request: TransportRequestParams): boolean;
}

function diagnostic(statusCode: number, body: unknown, params: TransportRequestParams) {
  return {
    body,
    statusCode,
    headers: {},
    warnings: null,
    meta: {
      context: null,
      name: 'elasticsearch-js',
      request: { params: params as never, options: {}, id: 0 },
      connection: null,
      attempts: 0,
      aborted: false,
    },
  };
}

function securityException(reason: string) {
  return { type: 'security_exception', reason };
}

export function unauthenticated(params: TransportRequestParams, reason: string) {
  return new errors.ResponseError(
    diagnostic(401, { error: securityException(reason), status: 401 }, params)
  );
}

function unauthorizedReason(subject: string, access: IndexAccess, indices: string[]) {
  return (
    `action [${ACTION_NAMES[access]}] is unauthorized for ${subject} on indices ` +
    `[${indices.join(',')}], this action is granted by the index privileges ` +
    `[${GRANTED_BY[access].join(',')}]`
  );
}

function forbidden(params: TransportRequestParams, reason: string) {
  return new errors.ResponseError(
    diagnostic(403, { error: securityException(reason), status: 403 }, params)
  );
}

type Exists = (index: string) => Promise<boolean>;

/** A bulk operation the policy refuses, with Elasticsearch's reason, or undefined when allowed. */
async function refusal(policy: AccessPolicy, operation: BulkOperation, exists: Exists) {
  const index = operation.index ?? '';
  if (!policy.allowsIndex(index, operation.access)) {
    return unauthorizedReason(policy.subject, operation.access, [index]);
  }
  // Writing into a data stream that does not exist yet creates it: auto_configure.
  if (operation.type === 'create' && !policy.allowsIndex(index, 'auto_configure')) {
    if (!(await exists(index)))
      return unauthorizedReason(policy.subject, 'auto_configure', [index]);
  }
  return undefined;
}

/**
 * A transport that authorises every request against a policy before sending it: 401 for invalid
 * credentials, 403 for a refused index or cluster action, and in a bulk a 403 item for each refused
 * operation while the others are written.
 */
export function enforcingTransport(policy: AccessPolicy, exists: Exists) {
  return class EnforcingTransport extends SniffingTransport {
    // The base method is overloaded on `options.meta`; one implementation serves both shapes.
    override async request(
      params: TransportRequestParams,
      options?: TransportRequestOptions
    ): Promise<never> {
      await policy.authenticate?.();
      const access = requestAccess(params);
      if (access.kind === 'cluster') {
        if (!policy.allowsCluster(params)) {
          throw forbidden(
            params,
            `action [cluster:${params.method} ${params.path}] is unauthorized for ${policy.subject}`
          );
        }
        return super.request(params, options) as Promise<never>;
      }
      if (access.kind === 'indices') {
        const refused = access.indices.filter((index) => !policy.allowsIndex(index, access.access));
        if (refused.length > 0) {
          throw forbidden(params, unauthorizedReason(policy.subject, access.access, refused));
        }
        return super.request(params, options) as Promise<never>;
      }
      const refusals = await Promise.all(
        access.operations.map((operation) => refusal(policy, operation, exists))
      );
      if (refusals.every((reason) => reason === undefined))
        return super.request(params, options) as Promise<never>;
      const allowed = access.operations.filter((_operation, index) => !refusals[index]);
      const sent =
        allowed.length > 0
          ? await super.request(
              {
                ...params,
                bulkBody: allowed.flatMap((operation) => operation.lines) as Array<
                  Record<string, unknown>
                >,
              },
              { ...options, meta: true }
            )
          : undefined;
      const sentBody = sent?.body as { items?: unknown[]; took?: number } | undefined;
      const sentItems = [...(sentBody?.items ?? [])];
      const items = access.operations.map((operation, index) => {
        const reason = refusals[index];
        if (!reason) return sentItems.shift();
        return {
          [operation.type]: {
            _index: operation.index,
            status: 403,
            error: securityException(reason),
          },
        };
      });
      const body = { errors: true, took: sentBody?.took ?? 0, items };
      return (options?.meta ? { ...(sent ?? diagnostic(200, body, params)), body } : body) as never;
    }
  };
}
