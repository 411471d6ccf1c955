import type { Client } from '@elastic/elasticsearch';
import type { FieldMap, IRuleTypeAlerts } from '@kbn/alerting-plugin/server';

/*
 * The alerts-as-data index of a context, as Kibana's alerts service installs it (non-serverless:
 * a concrete index behind a write alias), written by Kibana's internal user.
 * AL = x-pack/platform/plugins/shared/alerting/server/: alerts_service/resource_installer_utils.ts
 * @ 36c2fb142a (names), alerts_service/alerts_service.ts @ 029404740c, alerts_client/alerts_client.ts
 * @ 027ff21606 (bulk with refresh wait_for and require_alias).
 */

const DEFAULT_NAMESPACE = 'default';
const TOTAL_FIELDS_LIMIT = 2500;

export function alertsIndexNames(context: string, namespace = DEFAULT_NAMESPACE) {
  const alias = `.alerts-${context}.alerts-${namespace}`;
  return {
    alias,
    firstIndex: `.internal.alerts-${context}.alerts-${namespace}-000001`,
    pattern: `.internal.alerts-${context}.alerts-${namespace}-*`,
    template: `${alias}-index-template`,
  };
}

type Mapping = Record<string, unknown>;

const keyword = { type: 'keyword' };
const date = { type: 'date' };
const bool = { type: 'boolean' };
const long = { type: 'long' };

/**
 * The framework's own fields that the host writes (kbn-rule-data-utils default_alerts_as_data.ts
 * @ 00a211f6c0; the mappings of kbn-alerts-as-data-utils alert_field_map.ts, not re-read here:
 * UNCONFIRMED beyond the types below). Kibana maps the rule's parameters `flattened`, the version
 * `version` and the reason's text `match_only_text`; the test node's distribution lacks those
 * modules, so the host maps them as a disabled object, a keyword and `text`.
 */
const FRAMEWORK_FIELDS: FieldMap = Object.fromEntries(
  Object.entries({
    '@timestamp': date,
    'event.action': keyword,
    'event.kind': keyword,
    'kibana.alert.action_group': keyword,
    'kibana.alert.consecutive_matches': long,
    'kibana.alert.duration.us': long,
    'kibana.alert.end': date,
    'kibana.alert.flapping': bool,
    'kibana.alert.flapping_history': bool,
    'kibana.alert.instance.id': keyword,
    'kibana.alert.maintenance_window_ids': keyword,
    'kibana.alert.maintenance_window_names': keyword,
    'kibana.alert.muted': bool,
    'kibana.alert.pending_recovered_count': long,
    'kibana.alert.previous_action_group': keyword,
    'kibana.alert.reason': {
      type: 'keyword',
      multi_fields: [{ flat_name: 'kibana.alert.reason.text', name: 'text', type: 'text' }],
    },
    'kibana.alert.rule.category': keyword,
    'kibana.alert.rule.consumer': keyword,
    'kibana.alert.rule.execution.timestamp': date,
    'kibana.alert.rule.execution.uuid': keyword,
    'kibana.alert.rule.name': keyword,
    'kibana.alert.rule.parameters': { type: 'object', enabled: false },
    'kibana.alert.rule.producer': keyword,
    'kibana.alert.rule.revision': long,
    'kibana.alert.rule.rule_type_id': keyword,
    'kibana.alert.rule.tags': keyword,
    'kibana.alert.rule.uuid': keyword,
    'kibana.alert.severity': keyword,
    'kibana.alert.severity_improving': bool,
    'kibana.alert.start': date,
    'kibana.alert.status': keyword,
    'kibana.alert.time_range': {
      type: 'date_range',
      format: 'epoch_millis||strict_date_optional_time',
    },
    'kibana.alert.url': { type: 'keyword', index: false, ignore_above: 2048 },
    'kibana.alert.uuid': keyword,
    'kibana.alert.workflow_status': keyword,
    'kibana.space_ids': keyword,
    'kibana.version': keyword,
    tags: keyword,
  }).map(([name, mapping]) => [name, { required: false, ...mapping }])
) as FieldMap;

/** A flat field map (`a.b.c`) as nested Elasticsearch mappings. */
export function mappingsOf(fieldMap: FieldMap): Mapping {
  const properties: Mapping = {};
  for (const [name, entry] of Object.entries(fieldMap)) {
    const { required: _required, array: _array, multi_fields: multiFields, ...mapping } = entry;
    const path = name.split('.');
    let target = properties;
    for (const part of path.slice(0, -1)) {
      const next = (target[part] ??= { properties: {} }) as { properties: Mapping };
      next.properties ??= {};
      target = next.properties;
    }
    target[path[path.length - 1]!] = {
      ...mapping,
      ...(multiFields && {
        fields: Object.fromEntries(multiFields.map((field) => [field.name, { type: field.type }])),
      }),
    };
  }
  return properties;
}

/** Installs the context's template and first index once per host; concurrent callers share it. */
export class AlertsIndices {
  private readonly installing = new Map<string, Promise<void>>();

  constructor(private readonly internal: Client) {}

  ensure(alerts: IRuleTypeAlerts<Record<string, unknown>>): Promise<void> {
    let installation = this.installing.get(alerts.context);
    if (!installation) {
      installation = this.install(alerts);
      this.installing.set(alerts.context, installation);
      installation.catch(() => this.installing.delete(alerts.context));
    }
    return installation;
  }

  private async install(alerts: IRuleTypeAlerts<Record<string, unknown>>) {
    const names = alertsIndexNames(alerts.context);
    await this.internal.indices.putIndexTemplate({
      name: names.template,
      index_patterns: [names.pattern],
      priority: 7,
      template: {
        settings: {
          hidden: true,
          'index.mapping.total_fields.limit': TOTAL_FIELDS_LIMIT,
          auto_expand_replicas: '0-1',
        },
        mappings: {
          dynamic: alerts.mappings.dynamic ?? 'strict',
          properties: mappingsOf({ ...alerts.mappings.fieldMap, ...FRAMEWORK_FIELDS }) as never,
        },
      },
      _meta: { managed: true, kibana: { version: '9.5.3' } },
    });
    const exists = await this.internal.indices.existsAlias({ name: names.alias });
    // Kibana brings an existing index's mappings up to the template's (updateIndexMappings).
    if (exists) {
      await this.internal.indices.putMapping({
        index: names.alias,
        properties: mappingsOf({ ...alerts.mappings.fieldMap, ...FRAMEWORK_FIELDS }),
      } as never);
      return;
    }
    await this.internal.indices.create(
      {
        index: names.firstIndex,
        aliases: { [names.alias]: { is_write_index: true, is_hidden: true } },
      },
      { ignore: [400] }
    );
  }
}
