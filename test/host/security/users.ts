/** A feature privilege a role grants: `all` or `read` of one Kibana feature. */
export interface FeatureGrant {
  feature: string;
  privilege: 'all' | 'read';
}

export interface HostUser {
  username: string;
  password: string;
  fullName: string;
  superuser: boolean;
  grants: FeatureGrant[];
}

const PASSWORD = 'changeme';

/**
 * The users the host knows, standing in for Kibana's roles: a superuser, one per feature privilege
 * of our plugin, and one with no access to it at all.
 */
export const HOST_USERS: readonly HostUser[] = [
  { username: 'elastic', password: PASSWORD, fullName: 'Superuser', superuser: true, grants: [] },
  {
    username: 'mail_admin',
    password: PASSWORD,
    fullName: 'Mail administrator',
    superuser: false,
    grants: [{ feature: 'exchangeMessageTrace', privilege: 'all' }],
  },
  {
    username: 'soc_analyst',
    password: PASSWORD,
    fullName: 'SOC analyst (read only)',
    superuser: false,
    grants: [{ feature: 'exchangeMessageTrace', privilege: 'read' }],
  },
  {
    username: 'no_access',
    password: PASSWORD,
    fullName: 'No access',
    superuser: false,
    grants: [],
  },
];

export const DEFAULT_BROWSER_USER = 'elastic';

export function findUser(username: string, users = HOST_USERS): HostUser | undefined {
  return users.find((user) => user.username === username);
}

/** Basic credentials (API clients) or the host's session cookie (the browser page). */
export function authenticate(
  headers: { authorization?: string; cookie?: string },
  users = HOST_USERS
): HostUser | undefined {
  const basic = /^Basic (.+)$/i.exec(headers.authorization ?? '');
  if (basic) {
    const [username, password] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    const user = findUser(username ?? '', users);
    return user && user.password === password ? user : undefined;
  }
  const session = /(?:^|;\s*)host_user=([^;]+)/.exec(headers.cookie ?? '');
  return session ? findUser(decodeURIComponent(session[1]!), users) : undefined;
}
