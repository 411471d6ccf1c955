/**
 * Elasticsearch's index privilege model, as far as a plugin's data access reaches: which named
 * privileges grant an action, and whether a role's index patterns cover an index.
 */
export type IndexAccess = 'create_doc' | 'index' | 'delete' | 'read' | 'auto_configure' | 'manage';

/** The privileges that grant each kind of access, as Elasticsearch lists them in its 403s. */
export const GRANTED_BY: Record<IndexAccess, readonly string[]> = {
  create_doc: ['create_doc', 'create', 'index', 'write', 'all'],
  index: ['index', 'write', 'all'],
  delete: ['delete', 'write', 'all'],
  read: ['read', 'all'],
  auto_configure: ['auto_configure', 'create_index', 'manage', 'all'],
  manage: ['manage', 'all'],
};

/** Elasticsearch's transport action behind each access, for its error messages. */
export const ACTION_NAMES: Record<IndexAccess, string> = {
  create_doc: 'indices:data/write/bulk[s]',
  index: 'indices:data/write/bulk[s]',
  delete: 'indices:data/write/bulk[s]',
  read: 'indices:data/read/search',
  auto_configure: 'indices:admin/auto_create',
  manage: 'indices:admin/*',
};

export interface IndexPrivilegeGrant {
  names: readonly string[];
  privileges: readonly string[];
}

/** A role descriptor as an API key's `role_descriptors` holds it (`indices`, or its alias `index`). */
export interface RoleDescriptor {
  cluster?: readonly string[];
  indices?: readonly IndexPrivilegeGrant[];
  index?: readonly IndexPrivilegeGrant[];
}

function patternMatches(pattern: string, index: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  );
  return regex.test(index);
}

export function isIndexAccessGranted(
  descriptors: readonly RoleDescriptor[],
  index: string,
  access: IndexAccess
): boolean {
  return descriptors.some((descriptor) =>
    [...(descriptor.indices ?? []), ...(descriptor.index ?? [])].some(
      (grant) =>
        grant.privileges.some((privilege) => GRANTED_BY[access].includes(privilege)) &&
        grant.names.some((pattern) => patternMatches(pattern, index))
    )
  );
}

export function isClusterPrivilegeGranted(
  descriptors: readonly RoleDescriptor[],
  privilege: string
): boolean {
  return descriptors.some((descriptor) =>
    (descriptor.cluster ?? []).some((granted) => granted === privilege || granted === 'all')
  );
}
