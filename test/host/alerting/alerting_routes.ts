import type { IRouter, KibanaResponseFactory } from '@kbn/core/server';
import { schema } from '../kbn_modules/config_schema';
import { ruleResponse, type RawRule } from './rule_saved_object';
import { isValidDuration } from './rule_type_rules';
import type { RuleInput, RulesClient } from './rules_client';
import { legacyErrors, recordDefaultingToEmpty } from './route_support';

/*
 * The rule APIs of Kibana's alerting plugin that tests and pages use.
 * AL = x-pack/platform/plugins/shared/alerting/: routes/constants.ts @ 1533b55936 (authorization is
 * the rules client's, so the routes opt out of route authz), common/routes/rule/apis/create/
 * schemas/v1.ts @ 08d79f4a0b (the body), routes/rule/apis/find/find_rules_route.ts @ 25d6d3ae08,
 * routes/rule/apis/run_soon/run_soon_route.ts @ 073390dc8d. Only the query and body keys the host
 * acts on are accepted; any other is refused as unknown.
 */

const ALERTING_SECURITY = {
  authz: {
    enabled: false as const,
    reason:
      "This route is opted out from authorization because alerting uses it's own authorization model inside the alerts client.",
  },
};

// AL/common/parse_duration.ts validateDurationSchema
const duration = schema.string({
  validate: (value) =>
    isValidDuration(value) ? undefined : `string is not a valid duration: ${value}`,
});
const nullableDuration = schema.maybe(schema.oneOf([duration, schema.literal(null)]));
const notifyWhen = schema.oneOf([
  schema.literal('onActionGroupChange'),
  schema.literal('onActiveAlert'),
  schema.literal('onThrottleInterval'),
]);
const actionSchema = schema.object({
  group: schema.maybe(schema.string()),
  id: schema.string(),
  params: recordDefaultingToEmpty,
  uuid: schema.maybe(schema.string()),
  frequency: schema.maybe(
    schema.object({
      summary: schema.boolean(),
      notify_when: notifyWhen,
      throttle: schema.oneOf([duration, schema.literal(null)]),
    })
  ),
});
const ruleFields = {
  name: schema.string(),
  tags: schema.arrayOf(schema.string(), { defaultValue: [] }),
  schedule: schema.object({ interval: duration }),
  params: recordDefaultingToEmpty,
  actions: schema.arrayOf(actionSchema, { defaultValue: [] }),
  throttle: nullableDuration,
  notify_when: schema.maybe(schema.oneOf([notifyWhen, schema.literal(null)])),
};
const createBody = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  rule_type_id: schema.string(),
  consumer: schema.string(),
  ...ruleFields,
});
const idParam = schema.object({ id: schema.string() });

/**
 * A number in the query string, as Kibana's Joi converts it (`schema.number({ min })`); the host's
 * config-schema takes no text for numbers, so the text is checked here with Joi's words.
 */
const queryNumber = (min: number) =>
  schema.maybe(
    schema.string({
      validate: (text) => {
        const value = Number(text);
        if (text.trim() === '' || Number.isNaN(value)) {
          return 'expected value of type [number] but got [string]';
        }
        if (value < min) return `Value must be equal to or greater than [${min}].`;
      },
    })
  );

type CreateBody = RuleInput & { rule_type_id: string; consumer: string; enabled: boolean };
type IdParams = { id: string };

export function registerAlertingRoutes(router: IRouter, rulesClient: () => RulesClient) {
  const ok = (response: KibanaResponseFactory, id: string, rule: RawRule) =>
    response.ok({ body: ruleResponse(id, rule) });
  const route = (path: string, validate: object, access: 'public' | 'internal' = 'public') => ({
    path,
    security: ALERTING_SECURITY,
    options: { access },
    validate: validate as never,
  });

  router.post(
    route('/api/alerting/rule/{id?}', {
      params: schema.object({ id: schema.maybe(schema.string()) }),
      body: createBody,
    }),
    legacyErrors<Partial<IdParams>, unknown, CreateBody>(
      async ({ request, params, body }, response) => {
        const { id, rule } = await rulesClient().create(request, { ...body, id: params.id });
        return ok(response, id, rule);
      }
    )
  );
  router.get(
    route('/api/alerting/rule/{id}', { params: idParam }),
    legacyErrors<IdParams>(async ({ request, params }, response) =>
      ok(response, params.id, await rulesClient().get(request, params.id))
    )
  );
  router.put(
    route('/api/alerting/rule/{id}', { params: idParam, body: schema.object(ruleFields) }),
    legacyErrors<IdParams, unknown, RuleInput>(async ({ request, params, body }, response) =>
      ok(response, params.id, await rulesClient().update(request, params.id, body))
    )
  );
  router.delete(
    route('/api/alerting/rule/{id}', { params: idParam }),
    legacyErrors<IdParams>(async ({ request, params }, response) => {
      await rulesClient().delete(request, params.id);
      return response.noContent();
    })
  );
  for (const operation of ['enable', 'disable'] as const) {
    router.post(
      route(`/api/alerting/rule/{id}/_${operation}`, { params: idParam }),
      legacyErrors<IdParams>(async ({ request, params }, response) => {
        await rulesClient()[operation](request, params.id);
        return response.noContent();
      })
    );
  }
  router.get(
    route('/api/alerting/rules/_find', {
      query: schema.object({ page: queryNumber(1), per_page: queryNumber(0) }),
    }),
    legacyErrors<unknown, { page?: string; per_page?: string }>(
      async ({ request, query }, response) => {
        const found = await rulesClient().find(
          request,
          Number(query.page ?? 1),
          Number(query.per_page ?? 10)
        );
        return response.ok({
          body: {
            page: found.page,
            per_page: found.perPage,
            total: found.total,
            data: found.rules.map((rule) => ruleResponse(rule.id, rule.attributes)),
          },
        });
      }
    )
  );
  router.post(
    route('/internal/alerting/rule/{id}/_run_soon', { params: idParam }, 'internal'),
    legacyErrors<IdParams>(async ({ request, params }, response) => {
      const message = await rulesClient().runSoon(request, params.id);
      return message ? response.ok({ body: message }) : response.noContent();
    })
  );
}
