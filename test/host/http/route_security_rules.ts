import type { RouteSecurity } from '@kbn/core/server';
import { schema, type TypeOf } from '../kbn_modules/config_schema';

/**
 * Kibana's `routeSecuritySchema`, run on every route at registration, built on the host's
 * config-schema stand-in as Kibana builds it on @kbn/config-schema.
 * Kibana: src/core/packages/http/router-server-internal/src/security_route_config_validator.ts
 * @ 1d7f15d1 (`validRouteSecurity`, called by route.ts `buildRoute`).
 */

// Kibana: @kbn/core-http-server ReservedPrivilegesSet
const SUPERUSER = 'superuser';
const OPERATOR = 'operator';

const privilegeSetSchema = schema.object(
  {
    anyRequired: schema.maybe(
      schema.arrayOf(
        schema.oneOf([
          schema.string(),
          schema.object({ allOf: schema.arrayOf(schema.string(), { minSize: 2 }) }),
        ]),
        { minSize: 2 }
      )
    ),
    allRequired: schema.maybe(
      schema.arrayOf(
        schema.oneOf([
          schema.string(),
          schema.object({ anyOf: schema.arrayOf(schema.string(), { minSize: 2 }) }),
        ]),
        { minSize: 1 }
      )
    ),
  },
  {
    validate: (value) => {
      if (!value.anyRequired && !value.allRequired) {
        return 'either anyRequired or allRequired must be specified';
      }
    },
  }
);

type NestedPrivileges = Array<string | { allOf?: string[]; anyOf?: string[] }>;

// Kibana: @kbn/core-security-server `unwindNestedSecurityPrivileges` (find_string id 10830944688)
const unwind = (privileges: NestedPrivileges) =>
  privileges.flatMap((privilege) =>
    typeof privilege === 'string'
      ? [privilege]
      : [...(privilege.allOf ?? []), ...(privilege.anyOf ?? [])]
  );

function privilegeRules(privileges: Array<string | TypeOf<typeof privilegeSetSchema>>) {
  const anyRequired: string[] = [];
  const allRequired: string[] = [];
  for (const privilege of privileges) {
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
}

const requiredPrivilegesSchema = schema.arrayOf(
  schema.oneOf([privilegeSetSchema, schema.string()]),
  { validate: privilegeRules, minSize: 1 }
);

const authzSchema = schema.object({
  enabled: schema.maybe(schema.literal(false)),
  requiredPrivileges: schema.conditional(
    schema.siblingRef('enabled'),
    schema.never(),
    requiredPrivilegesSchema,
    schema.never()
  ),
  reason: schema.conditional(
    schema.siblingRef('enabled'),
    schema.never(),
    schema.never(),
    schema.string()
  ),
});

const authcSchema = schema.object({
  enabled: schema.oneOf([schema.literal(true), schema.literal('optional'), schema.literal(false)], {
    defaultValue: true,
  }),
  reason: schema.conditional(
    schema.siblingRef('enabled'),
    schema.oneOf([schema.literal('optional'), schema.literal(false)]),
    schema.string(),
    schema.never()
  ),
});

const routeSecuritySchema = schema.object({ authz: authzSchema, authc: authcSchema });

/**
 * Validates `security` as Kibana does at registration and returns it with its defaults
 * (`authc: {enabled: true}`). Omitting `security` fails on `authz.requiredPrivileges`: config-schema
 * turns `undefined` into `{}` and 1d7f15d1 has no `undefined` guard.
 */
export function validRouteSecurity(security: unknown): RouteSecurity {
  return routeSecuritySchema.validate(security) as RouteSecurity;
}
