import type { Client } from '@elastic/elasticsearch';
import type { FeatureKibanaPrivileges, KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { alertingPrivilegeActions } from '../alerting/alerting_privileges';

/**
 * Kibana's feature privileges as Elasticsearch application privileges, which Kibana registers at
 * start and checks with `_has_privileges` as the user. Read in elastic/kibana:
 * x-pack/platform/packages/private/security/authorization_core/src/privileges/privileges.ts
 * @ 0658193b (a feature privilege is `login:` plus its builders' actions) and
 * feature_privilege_builder/{api,app,navlink,saved_object,ui,catalogue,management,alerting}.ts
 * (@ index.ts 01df5dce, navlink.ts 5f6678cc, saved_object.ts b4ad3bc2).
 */

/** Kibana's default space; routes and capabilities are checked at `space:default`. */
const DEFAULT_SPACE_RESOURCE = 'space:default';
const LOGIN_ACTION = 'login:';

const SAVED_OBJECT_READ = ['bulk_get', 'get', 'find', 'open_point_in_time', 'close_point_in_time'];
const SAVED_OBJECT_WRITE = [
  'create',
  'bulk_create',
  'update',
  'bulk_update',
  'delete',
  'bulk_delete',
  'share_to_space',
];

export const actions = {
  api: (operation: string) => `api:${operation}`,
  app: (appId: string) => `app:${appId}`,
  ui: (...parts: string[]) => `ui:${parts.join('/')}`,
  savedObject: (type: string, operation: string) => `saved_object:${type}/${operation}`,
};

/** The actions one feature privilege grants, in the builders' order. */
export function privilegeActions(
  feature: KibanaFeatureConfig,
  privilege: FeatureKibanaPrivileges
): string[] {
  const management = Object.entries(privilege.management ?? {}).flatMap(([section, ids]) =>
    ids.map((id) => actions.ui('management', section, id))
  );
  return [
    LOGIN_ACTION,
    ...new Set([
      ...(privilege.api ?? []).map(actions.api),
      ...(privilege.app ?? []).map(actions.app),
      ...(privilege.catalogue ?? []).map((id) => actions.ui('catalogue', id)),
      ...management,
      ...(privilege.app ?? []).map((app) => actions.ui('navLinks', app)),
      ...privilege.savedObject.all.flatMap((type) =>
        [...SAVED_OBJECT_READ, ...SAVED_OBJECT_WRITE].map((op) => actions.savedObject(type, op))
      ),
      ...privilege.savedObject.read.flatMap((type) =>
        SAVED_OBJECT_READ.map((op) => actions.savedObject(type, op))
      ),
      ...privilege.ui.map((capability) => actions.ui(feature.id, capability)),
      ...alertingPrivilegeActions(privilege),
    ]),
  ];
}

/**
 * `PUT _security/privilege` as Kibana's internal user, one privilege per feature privilege named
 * `feature_<feature>.<privilege>` (PrivilegeSerializer). Roles grant them; superuser has them all.
 */
export async function registerFeaturePrivileges(
  internal: Client,
  application: string,
  features: readonly KibanaFeatureConfig[]
): Promise<void> {
  const privileges: Record<string, { actions: string[]; metadata: object }> = {};
  for (const feature of features) {
    for (const [id, privilege] of Object.entries(feature.privileges ?? {})) {
      if (!privilege) continue;
      privileges[`feature_${feature.id}.${id}`] = {
        actions: privilegeActions(feature, privilege),
        metadata: {},
      };
    }
  }
  if (Object.keys(privileges).length === 0) return;
  await internal.security.putPrivileges({ privileges: { [application]: privileges } });
}

/** Which of `requested` the caller holds at the default space, from Elasticsearch itself. */
export async function checkPrivileges(
  asCaller: Client,
  application: string,
  requested: readonly string[]
): Promise<Record<string, boolean>> {
  const response = await asCaller.security.hasPrivileges({
    application: [
      { application, resources: [DEFAULT_SPACE_RESOURCE], privileges: [...new Set(requested)] },
    ],
  });
  return response.application[application]?.[DEFAULT_SPACE_RESOURCE] ?? {};
}
