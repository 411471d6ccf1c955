/**
 * What a route may answer to a bad request, by status, as a property-based test checks it:
 *
 * - never a 5xx;
 * - 401 exactly when the caller is anonymous, 403 exactly when the caller lacks the route's
 *   feature privilege (both before the input is even looked at, as in Kibana);
 * - 400 names the field: the message starts with `[request body]: `, `[request params]: ` or
 *   `[request query]: ` (Kibana's prefix for the part that failed validation) followed by
 *   `<field>: ` with a field of that part, or by `expected `/`must ` when the part as a whole is
 *   of the wrong type; or it starts with `<field>: ` for a field of any part (a refusal found by
 *   the handler or by Elasticsearch). `<field>` may have a path (`secrets.clientSecret`,
 *   `localDomains.3`); the first segment is what must be the route's. An uploaded file is the
 *   body itself, so any sentence after `[request body]: ` names it;
 * - 404 quotes what the route looked up and did not find (an ID, a sender, a trace ID);
 * - 409 only from routes that act on a connection's state;
 * - no other status.
 */

export type Caller = 'mail_admin' | 'soc_analyst' | 'no_access' | 'anonymous';
export type Part = 'body' | 'params' | 'query';

export interface SentRequest {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

export interface RouteRules {
  /** `read` or `manage`, as the route's `security.authz.requiredPrivileges` names it. */
  privilege: string;
  /** Each part's field names, as the route's codecs name them. */
  fields: Partial<Record<Part, string[]>>;
  /** The body is an uploaded file rather than JSON. */
  fileBody?: boolean;
  /** What a 404 must quote: the values the route looks up. */
  lookups?(request: SentRequest): Array<string | undefined>;
  /** Whether the connection's state may refuse the request (409). */
  conflicts?: boolean;
}

const HOLDS: Record<Caller, string[]> = {
  mail_admin: ['read', 'manage'],
  soc_analyst: ['read'],
  no_access: [],
  anonymous: [],
};

const FIELD_AT_START = /^([A-Za-z_]\w*)(?:\.[\w]+)*: \S/;

function startsWithField(text: string, fields: readonly string[]): boolean {
  const field = FIELD_AT_START.exec(text)?.[1];
  return field !== undefined && fields.includes(field);
}

export function namesField(rules: RouteRules, message: string): boolean {
  const part = /^\[request (body|params|query)\]: ([\s\S]+)$/.exec(message);
  if (part) {
    const [, name, rest] = part as unknown as [string, Part, string];
    const fields = rules.fields[name];
    if (!fields) return false;
    if (name === 'body' && rules.fileBody) return true;
    return /^(expected|must) /.test(rest) || startsWithField(rest, fields);
  }
  return startsWithField(message, Object.values(rules.fields).flat());
}

/** Why this answer breaks the rules above, or undefined when it keeps them. */
export function answerProblem(
  rules: RouteRules,
  caller: Caller,
  request: SentRequest,
  answer: { status: number; message?: string }
): string | undefined {
  const { status } = answer;
  const message = answer.message ?? '';
  if (status >= 500) return `a ${status}`;
  if (caller === 'anonymous') return status === 401 ? undefined : `${status} instead of 401`;
  if (!HOLDS[caller].includes(rules.privilege)) {
    return status === 403 ? undefined : `${status} instead of 403 for ${caller}`;
  }
  if (status < 400) return undefined;
  switch (status) {
    case 400:
      return namesField(rules, message) ? undefined : 'a 400 that names no field';
    case 404: {
      const looked = (rules.lookups?.(request) ?? []).filter(
        (value): value is string => typeof value === 'string' && value.trim() !== ''
      );
      return looked.some((value) => message.includes(value))
        ? undefined
        : 'a 404 that does not say what was not found';
    }
    case 409:
      return rules.conflicts && message !== '' ? undefined : 'an unexpected 409';
    default:
      return `an unexpected ${status}`;
  }
}
