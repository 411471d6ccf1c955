import type { RouteSecurity } from '@kbn/core/server';
import {
  arrayOf,
  literal,
  maybe,
  never,
  object,
  oneOf,
  string,
  type Check,
  type PropCheck,
} from './config_schema_checks';

/**
 * Kibana's `routeSecuritySchema`, run on every route at registration.
 * Kibana: src/core/packages/http/router-server-internal/src/security_route_config_validator.ts
 * @ 1d7f15d1 (`validRouteSecurity`, called by route.ts `buildRoute`).
 */

// Kibana: @kbn/core-http-server ReservedPrivilegesSet
const SUPERUSER = 'superuser';
const OPERATOR = 'operator';

type NestedPrivileges = Array<string | { allOf?: string[]; anyOf?: string[] }>;

// Kibana: @kbn/core-security-server `unwindNestedSecurityPrivileges` (find_string id 10830944688)
const unwind = (privileges: NestedPrivileges) =>
  privileges.flatMap((privilege) =>
    typeof privilege === 'string'
      ? [privilege]
      : [...(privilege.allOf ?? []), ...(privilege.anyOf ?? [])]
  );

const privilegeSet = object(
  {
    anyRequired: maybe(
      arrayOf(oneOf<unknown>([string, object({ allOf: arrayOf(string, { minSize: 2 }) })]), {
        minSize: 2,
      })
    ),
    allRequired: maybe(
      arrayOf(oneOf<unknown>([string, object({ anyOf: arrayOf(string, { minSize: 2 }) })]), {
        minSize: 1,
      })
    ),
  },
  (value) =>
    !value.anyRequired && !value.allRequired
      ? 'either anyRequired or allRequired must be specified'
      : undefined
);

function privilegeRules(privileges: unknown[]): string | undefined {
  const anyRequired: string[] = [];
  const allRequired: string[] = [];
  for (const privilege of privileges as Array<string | Record<string, NestedPrivileges>>) {
    if (typeof privilege === 'string') {
      allRequired.push(privilege);
    } else {
      anyRequired.push(...unwind(privilege.anyRequired ?? []));
      allRequired.push(...unwind(privilege.allRequired ?? []));
    }
  }
  if (anyRequired.includes(SUPERUSER)) {
    return 'Using superuser privileges in anyRequired is not allowed';
  }
  const superuser = allRequired.includes(SUPERUSER);
  const operator = allRequired.includes(OPERATOR);
  if (superuser && allRequired.length > 1 && !(operator && allRequired.length === 2)) {
    return 'Combining superuser with other privileges is redundant, superuser privileges set can be only used as a standalone privilege.';
  }
  if (anyRequired.includes(OPERATOR)) {
    return 'Using operator privileges in anyRequired is not allowed';
  }
  if (operator && allRequired.length === 1) {
    return 'Operator privilege requires at least one additional non-operator privilege to be defined';
  }
  const shared = anyRequired.find((privilege) => allRequired.includes(privilege));
  if (shared !== undefined) {
    return `anyRequired and allRequired cannot have the same values: [${shared}]`;
  }
  if (new Set(anyRequired).size !== anyRequired.length) {
    return 'anyRequired privileges must contain unique values';
  }
  if (new Set(allRequired).size !== allRequired.length) {
    return 'allRequired privileges must contain unique values';
  }
  return undefined;
}

const requiredPrivileges = arrayOf(oneOf<unknown>([privilegeSet, string]), {
  minSize: 1,
  validate: privilegeRules,
});

/** config-schema's `conditional(siblingRef(key), is, then, otherwise)`. */
const when =
  (sibling: string, is: (value: unknown) => boolean, then: Check, otherwise: Check): PropCheck =>
  (value, path, siblings) =>
    (is(siblings[sibling]) ? then : otherwise)(value, path);

// `is: schema.never()` matches only an absent `enabled`.
const enabledAbsent = (enabled: unknown) => enabled === undefined;

const authz = object({
  enabled: maybe(literal(false)),
  requiredPrivileges: when('enabled', enabledAbsent, requiredPrivileges, never),
  reason: when('enabled', enabledAbsent, never, string),
});

const authcEnabled = oneOf<unknown>([literal(true), literal('optional'), literal(false)]);

const authc = object({
  enabled: (value, path) => (value === undefined ? true : authcEnabled(value, path)),
  reason: when('enabled', (enabled) => enabled === 'optional' || enabled === false, string, never),
});

const routeSecurity = object({ authz, authc });

/**
 * Validates `security` as Kibana does at registration and returns it with its defaults
 * (`authc: {enabled: true}`). Omitting `security` fails on `authz.requiredPrivileges`: config-schema
 * turns `undefined` into `{}` and 1d7f15d1 has no `undefined` guard.
 */
export function validRouteSecurity(security: unknown): RouteSecurity {
  return routeSecurity(security, []) as unknown as RouteSecurity;
}
