import { schema } from '../kbn_modules/config_schema';

/**
 * The features plugin's registration schema, key for key, built on the host's config-schema
 * stand-in so that unknown keys fail at every level with config-schema's own words.
 * Kibana: x-pack/platform/plugins/shared/features/server/feature_schema.ts @ 2549770c
 * (`composedOf` is left out there on purpose; `scope` was removed by PR #234146).
 */

// Each feature gets a property on the UI capabilities, which already have these.
const PROHIBITED_FEATURE_IDS = new Set(['catalogue', 'management', 'navLinks']);

const featurePrivilegePartRegex = /^[a-zA-Z0-9_-]+$/;
const subFeaturePrivilegePartRegex = /^[a-zA-Z0-9_-]+$/;
const managementSectionIdRegex = /^[a-zA-Z0-9_-]+$/;
const reservedFeaturePrivilegePartRegex = /^(?!reserved_)[a-zA-Z0-9_-]+$/;
const uiCapabilitiesRegex = /^[a-zA-Z0-9:_-]+$/;

function matching(regex: RegExp) {
  return (value: string) =>
    regex.test(value) ? undefined : `Does not satisfy regexp ${regex.toString()}`;
}

const validLicenseSchema = schema.oneOf([
  schema.literal('basic'),
  schema.literal('standard'),
  schema.literal('gold'),
  schema.literal('platinum'),
  schema.literal('enterprise'),
  schema.literal('trial'),
]);
// Sub-feature privileges need gold or better, so a lower minimum means nothing.
const validSubFeaturePrivilegeLicensesSchema = schema.oneOf([
  schema.literal('platinum'),
  schema.literal('enterprise'),
  schema.literal('gold'),
  schema.literal('trial'),
]);

const listOfCapabilitiesSchema = schema.arrayOf(
  schema.string({ validate: matching(uiCapabilitiesRegex) })
);
const managementSchema = schema.recordOf(
  schema.string({ validate: matching(managementSectionIdRegex) }),
  listOfCapabilitiesSchema
);
const catalogueSchema = listOfCapabilitiesSchema;
const alertingSchema = schema.arrayOf(
  schema.object({
    ruleTypeId: schema.string(),
    consumers: schema.arrayOf(schema.string(), { minSize: 1 }),
  })
);
const alertingPrivilegeSchema = schema.object({
  rule: schema.maybe(
    schema.object({
      all: schema.maybe(alertingSchema),
      enable: schema.maybe(alertingSchema),
      manual_run: schema.maybe(alertingSchema),
      manage_rule_settings: schema.maybe(alertingSchema),
      read: schema.maybe(alertingSchema),
      write: schema.maybe(alertingSchema),
    })
  ),
  alert: schema.maybe(
    schema.object({ all: schema.maybe(alertingSchema), read: schema.maybe(alertingSchema) })
  ),
});

const casesSchema = schema.arrayOf(schema.string());
const casesPrivilegeSchema = schema.object({
  all: schema.maybe(casesSchema),
  create: schema.maybe(casesSchema),
  read: schema.maybe(casesSchema),
  update: schema.maybe(casesSchema),
  delete: schema.maybe(casesSchema),
  push: schema.maybe(casesSchema),
  settings: schema.maybe(casesSchema),
  createComment: schema.maybe(casesSchema),
  reopenCase: schema.maybe(casesSchema),
  assign: schema.maybe(casesSchema),
});

const appCategorySchema = schema.object({
  id: schema.string(),
  label: schema.string(),
  ariaLabel: schema.maybe(schema.string()),
  euiIconType: schema.maybe(schema.string()),
  order: schema.maybe(schema.number()),
});

const savedObjectSchema = schema.object({
  all: schema.arrayOf(schema.string()),
  read: schema.arrayOf(schema.string()),
});
const replacementSchema = schema.object({
  feature: schema.string(),
  privileges: schema.arrayOf(schema.string()),
});

const kibanaPrivilegeSchema = schema.object({
  excludeFromBasePrivileges: schema.maybe(schema.boolean()),
  requireAllSpaces: schema.maybe(schema.boolean()),
  disabled: schema.maybe(schema.boolean()),
  management: schema.maybe(managementSchema),
  catalogue: schema.maybe(catalogueSchema),
  api: schema.maybe(schema.arrayOf(schema.string())),
  app: schema.maybe(schema.arrayOf(schema.string())),
  alerting: schema.maybe(alertingPrivilegeSchema),
  cases: schema.maybe(casesPrivilegeSchema),
  savedObject: savedObjectSchema,
  ui: listOfCapabilitiesSchema,
  replacedBy: schema.maybe(
    schema.oneOf([
      schema.arrayOf(replacementSchema),
      schema.object({
        minimal: schema.arrayOf(replacementSchema),
        default: schema.arrayOf(replacementSchema),
      }),
    ])
  ),
});

const independentSubFeaturePrivilegeProps = {
  id: schema.string({ validate: matching(subFeaturePrivilegePartRegex) }),
  name: schema.string(),
  includeIn: schema.oneOf([schema.literal('all'), schema.literal('read'), schema.literal('none')]),
  minimumLicense: schema.maybe(validSubFeaturePrivilegeLicensesSchema),
  management: schema.maybe(managementSchema),
  catalogue: schema.maybe(catalogueSchema),
  alerting: schema.maybe(alertingPrivilegeSchema),
  cases: schema.maybe(casesPrivilegeSchema),
  api: schema.maybe(schema.arrayOf(schema.string())),
  app: schema.maybe(schema.arrayOf(schema.string())),
  savedObject: savedObjectSchema,
  ui: listOfCapabilitiesSchema,
  replacedBy: schema.maybe(schema.arrayOf(replacementSchema)),
};

const kibanaSubFeatureSchema = schema.object({
  name: schema.string(),
  requireAllSpaces: schema.maybe(schema.boolean()),
  privilegesTooltip: schema.maybe(schema.string()),
  description: schema.maybe(schema.string()),
  privilegeGroups: schema.maybe(
    schema.arrayOf(
      schema.oneOf([
        schema.object({
          groupType: schema.literal('mutually_exclusive'),
          privileges: schema.maybe(
            schema.arrayOf(
              schema.object({
                ...independentSubFeaturePrivilegeProps,
                minimumLicense: schema.never(),
              }),
              { minSize: 1 }
            )
          ),
        }),
        schema.object({
          groupType: schema.literal('independent'),
          privileges: schema.maybe(
            schema.arrayOf(schema.object(independentSubFeaturePrivilegeProps), { minSize: 1 })
          ),
        }),
      ])
    )
  ),
});

export const kibanaFeatureSchema = schema.object({
  id: schema.string({
    validate(value: string) {
      if (!featurePrivilegePartRegex.test(value)) {
        return `Does not satisfy regexp ${featurePrivilegePartRegex.toString()}`;
      }
      if (PROHIBITED_FEATURE_IDS.has(value)) return `[${value}] is not allowed`;
    },
  }),
  name: schema.string(),
  category: appCategorySchema,
  // Only for features with reserved privileges; checked by the feature rules.
  hidden: schema.maybe(schema.boolean()),
  description: schema.maybe(schema.string()),
  order: schema.maybe(schema.number()),
  excludeFromBasePrivileges: schema.maybe(schema.boolean()),
  minimumLicense: schema.maybe(validLicenseSchema),
  app: schema.arrayOf(schema.string()),
  management: schema.maybe(managementSchema),
  catalogue: schema.maybe(catalogueSchema),
  alerting: schema.maybe(alertingSchema),
  cases: schema.maybe(casesSchema),
  privileges: schema.oneOf([
    schema.literal(null),
    schema.object({
      all: schema.maybe(kibanaPrivilegeSchema),
      read: schema.maybe(kibanaPrivilegeSchema),
    }),
  ]),
  subFeatures: schema.maybe(
    schema.conditional(
      schema.siblingRef('privileges'),
      null,
      // Only an empty list when there are no privileges to put sub-features under.
      schema.arrayOf(schema.never(), { maxSize: 0 }),
      schema.arrayOf(kibanaSubFeatureSchema)
    )
  ),
  privilegesTooltip: schema.maybe(schema.string()),
  reserved: schema.maybe(
    schema.object({
      description: schema.string(),
      privileges: schema.arrayOf(
        schema.object({
          id: schema.string({ validate: matching(reservedFeaturePrivilegePartRegex) }),
          privilege: kibanaPrivilegeSchema,
        })
      ),
    })
  ),
  deprecated: schema.maybe(
    schema.object({
      notice: schema.string(),
      replacedBy: schema.maybe(schema.arrayOf(schema.string())),
    })
  ),
});
