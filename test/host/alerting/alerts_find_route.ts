import type { Client } from '@elastic/elasticsearch';
import type { IRouter, KibanaRequest } from '@kbn/core/server';
import { schema } from '../kbn_modules/config_schema';
import type { AlertingAuthorization } from './alerting_authorization';
import { alertsIndexNames } from './alerts_index';
import { isBoom } from './boom';
import { anyValue } from './route_support';
import type { AnyRuleType } from './rule_type_rules';

/*
 * Reading alerts as Kibana's rule registry offers it: `POST /internal/rac/alerts/find`, which needs
 * the API privilege `rac` and answers Elasticsearch's search response over the alerts the caller
 * may `find` (alert entity), searched by Kibana's internal user.
 * x-pack/platform/plugins/shared/rule_registry/server/routes/find.ts @ 012f5d9816 (body and
 * privilege) and server/alert_data_client/alerts_client.ts (the authorization filter on
 * `kibana.alert.rule.rule_type_id` and `kibana.alert.rule.consumer`; not re-read here).
 */

const findBody = schema.object({
  rule_type_ids: schema.maybe(schema.arrayOf(schema.string())),
  consumers: schema.maybe(schema.arrayOf(schema.string())),
  query: schema.maybe(anyValue),
  aggs: schema.maybe(anyValue),
  size: schema.maybe(schema.number({ min: 0, max: 10_000 })),
  sort: schema.maybe(anyValue),
  search_after: schema.maybe(anyValue),
  track_total_hits: schema.maybe(anyValue),
  _source: schema.maybe(anyValue),
});

interface FindBody {
  rule_type_ids?: string[];
  consumers?: string[];
  query?: object;
  aggs?: object;
  size?: number;
  sort?: unknown;
  search_after?: unknown;
  track_total_hits?: unknown;
  _source?: unknown;
}

export function registerAlertsFindRoute(
  router: IRouter,
  deps: {
    internal: Client;
    authorization: AlertingAuthorization;
    ruleTypes: ReadonlyMap<string, AnyRuleType>;
  }
) {
  router.post(
    {
      path: '/internal/rac/alerts/find',
      security: { authz: { requiredPrivileges: ['rac'] } },
      options: { access: 'internal' },
      validate: { body: findBody } as never,
    },
    async (_context, request: KibanaRequest, response) => {
      const body = request.body as FindBody;
      const typeIds = [...deps.ruleTypes.values()]
        .filter((type) => type.alerts)
        .filter((type) => !body.rule_type_ids || body.rule_type_ids.includes(type.id))
        .map((type) => type.id);
      let pairs;
      try {
        pairs = (
          await deps.authorization.authorizedPairs(request, typeIds, 'find', 'alert')
        ).filter((pair) => !body.consumers || body.consumers.includes(pair.consumer));
      } catch (error) {
        if (!isBoom(error)) throw error;
        return response.forbidden({ body: { message: error.message } });
      }
      const contexts = [
        ...new Set(pairs.map((pair) => deps.ruleTypes.get(pair.ruleTypeId)!.alerts!.context)),
      ];
      const authorizationFilter = {
        bool: {
          should: pairs.map((pair) => ({
            bool: {
              filter: [
                { term: { 'kibana.alert.rule.rule_type_id': pair.ruleTypeId } },
                { term: { 'kibana.alert.rule.consumer': pair.consumer } },
              ],
            },
          })),
          minimum_should_match: 1,
        },
      };
      const result = await deps.internal.search({
        index: contexts.map((context) => alertsIndexNames(context).alias),
        ignore_unavailable: true,
        allow_no_indices: true,
        query: { bool: { filter: [authorizationFilter, ...(body.query ? [body.query] : [])] } },
        ...(body.aggs !== undefined && { aggs: body.aggs }),
        ...(body.size !== undefined && { size: body.size }),
        ...(body.sort !== undefined && { sort: body.sort }),
        ...(body.search_after !== undefined && { search_after: body.search_after }),
        ...(body.track_total_hits !== undefined && { track_total_hits: body.track_total_hits }),
        ...(body._source !== undefined && { _source: body._source }),
      } as never);
      return response.ok({ body: result });
    }
  );
}
