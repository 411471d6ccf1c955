import type { ElasticsearchClient } from '@kbn/core/server';

/** The caller lacks Elasticsearch index privileges a request needs (403, naming them). */
export class MissingIndexPrivilegesError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly names: readonly string[],
    username: string,
    why: string
  ) {
    super(
      `User [${username}] lacks the Elasticsearch index privilege${missing.length > 1 ? 's' : ''} ` +
        `[${missing.join(', ')}] on [${names.join(', ')}]: ${why}`
    );
  }
}

/**
 * Elasticsearch's own answer to "may the caller do this on these indices?" (`_has_privileges`).
 * Needed because a search over a pattern the caller may not read is not refused: Elasticsearch
 * answers it with nothing, which would look like an empty tenant.
 */
export async function assertIndexPrivileges(
  asCurrentUser: ElasticsearchClient,
  names: readonly string[],
  privileges: readonly string[],
  why: string
): Promise<void> {
  const response = await asCurrentUser.security.hasPrivileges({
    index: [{ names: [...names], privileges: [...privileges] }],
  });
  const missing = privileges.filter((privilege) =>
    names.some((name) => response.index[name]?.[privilege] !== true)
  );
  if (missing.length > 0) {
    throw new MissingIndexPrivilegesError(missing, names, response.username, why);
  }
}
