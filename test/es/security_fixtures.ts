import { Client } from '@elastic/elasticsearch';
import { FEATURE_ID } from '../../common/constants';
import { dataStreamPattern, DEFAULT_DATASET } from '../../server/lib/data_stream/data_stream_name';

/**
 * The Elasticsearch application Kibana's privileges live in: `kibana-<kibana.index>`, `.kibana` by
 * default (x-pack/platform/plugins/shared/security/server/authorization/authorization_service.tsx @ b79794a2,
 * `getApplicationName`), shared by every host of the test node as by every Kibana of a cluster.
 */
export const KIBANA_APPLICATION = 'kibana-.kibana';

/** Every user and role below logs in with this password; the node listens on 127.0.0.1 only. */
export const FIXTURE_PASSWORD = 'changeme';

const OUR_DATA_STREAMS = dataStreamPattern(DEFAULT_DATASET);

/**
 * A Kibana role as Elasticsearch stores it: the role API's `kibana: [{ feature: { id: [privilege] },
 * spaces: ['*'] }]` becomes an `applications` entry with privilege `feature_<id>.<privilege>` on
 * resource `*` (Kibana's PrivilegeSerializer and ResourceSerializer,
 * x-pack/platform/plugins/shared/security/server/authorization; `feature_` prefix @ find_string id
 * 1050608910).
 */
function featureApplication(privilege: 'all' | 'read') {
  return [
    {
      application: KIBANA_APPLICATION,
      privileges: [`feature_${FEATURE_ID}.${privilege}`],
      resources: ['*'],
    },
  ];
}

interface FixtureRoleDescriptor {
  indices: Array<{ names: string[]; privileges: string[] }>;
  applications: Array<{ application: string; privileges: string[]; resources: string[] }>;
}

/** The roles the README documents for our users, and the broken ones tests need. */
const FIXTURE_ROLES = {
  /** README: manages connections; whoever saves a connection grants the writer key from this. */
  exchange_message_trace_admin: {
    indices: [{ names: [OUR_DATA_STREAMS], privileges: ['read', 'create_doc', 'auto_configure'] }],
    applications: featureApplication('all'),
  },
  /** README: views only. */
  exchange_message_trace_viewer: {
    indices: [{ names: [OUR_DATA_STREAMS], privileges: ['read'] }],
    applications: featureApplication('read'),
  },
  /** The feature's `read` without index `read`: the views must say what is missing, not fail. */
  exchange_message_trace_viewer_without_index: {
    indices: [],
    applications: featureApplication('read'),
  },
  /** The feature's `all` without any index privilege: saving a connection must be refused. */
  exchange_message_trace_admin_without_index: {
    indices: [],
    applications: featureApplication('all'),
  },
} satisfies Record<string, FixtureRoleDescriptor>;

type FixtureRole = keyof typeof FIXTURE_ROLES;

interface FixtureUser {
  username: string;
  fullName: string;
  roles: FixtureRole[];
}

/** The users of `npm start` and the tests; `elastic` is Elasticsearch's reserved superuser. */
const FIXTURE_USERS: readonly FixtureUser[] = [
  {
    username: 'mail_admin',
    fullName: 'Mail administrator',
    roles: ['exchange_message_trace_admin'],
  },
  {
    username: 'soc_analyst',
    fullName: 'SOC analyst (read only)',
    roles: ['exchange_message_trace_viewer'],
  },
  { username: 'no_access', fullName: 'No access', roles: [] },
  {
    username: 'analyst_without_index',
    fullName: 'Analyst without index read',
    roles: ['exchange_message_trace_viewer_without_index'],
  },
  {
    username: 'admin_without_index',
    fullName: 'Administrator without index privileges',
    roles: ['exchange_message_trace_admin_without_index'],
  },
];

/** Who the host's user switcher offers, as a login form would (the reserved superuser first). */
export const FIXTURE_LOGINS = [
  { username: 'elastic', fullName: 'Superuser', password: FIXTURE_PASSWORD },
  ...FIXTURE_USERS.filter((user) => !user.username.includes('without')).map((user) => ({
    username: user.username,
    fullName: user.fullName,
    password: FIXTURE_PASSWORD,
  })),
];

/**
 * Creates (or resets) the roles and users through Elasticsearch's security API as the setup
 * superuser, and gives the reserved `elastic` user its password. Idempotent.
 */
async function ensureSecurityFixtures(admin: Client): Promise<void> {
  for (const [name, role] of Object.entries(FIXTURE_ROLES)) {
    await admin.security.putRole({ name, cluster: [], ...(role as FixtureRoleDescriptor) });
  }
  for (const user of FIXTURE_USERS) {
    await admin.security.putUser({
      username: user.username,
      password: FIXTURE_PASSWORD,
      full_name: user.fullName,
      roles: user.roles,
    });
  }
  await admin.security.changePassword({ username: 'elastic', password: FIXTURE_PASSWORD });
}

/**
 * The test node starts on the basic license; Kibana's token-based sessions (SAML, OIDC) and its
 * gold features need more, so tests and `npm start` run on Elasticsearch's trial, as a new
 * deployment would. Once started, a trial cannot be started again: only when not already on it.
 */
async function ensureTrialLicense(admin: Client): Promise<void> {
  const { license } = await admin.license.get();
  if (license.type === 'trial') return;
  await admin.license.postStartTrial({ acknowledge: true });
}

/** A secured node ready for the host and the tests: trial license, fixture roles and users. */
export async function prepareSecuredNode(esUrl: string): Promise<void> {
  const admin = new Client({ node: esUrl });
  try {
    await ensureTrialLicense(admin);
    await ensureSecurityFixtures(admin);
  } finally {
    await admin.close();
  }
}
