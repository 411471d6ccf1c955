import { type Client, type estypes } from '@elastic/elasticsearch';
import type { FleetPackage } from '../../../common/http_api/status';
import { describeError, isNotFound } from '../writer/es_errors';
import { fleetIndexTemplateName, fleetNamespaceTemplatePrefix } from './data_stream_name';
import { NAMESPACE_TEMPLATE_PRIORITY } from './namespace_templates';
import { indexTemplateName } from './templates';

export type FleetDetectionClient = Pick<Client, 'indices'>;

type TemplateItem = estypes.IndicesGetIndexTemplateIndexTemplateItem;

async function templatesMatching(client: FleetDetectionClient, name: string) {
  try {
    return (await client.indices.getIndexTemplate({ name })).index_templates;
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The default and final pipelines a template's resolved settings name, `_none` left out. */
async function pipelinesOf(client: FleetDetectionClient, template: TemplateItem) {
  const simulated = await client.indices.simulateTemplate({ name: template.name });
  const index = simulated.template.settings?.index;
  return [index?.default_pipeline, index?.final_pipeline].filter(
    (pipeline): pipeline is string => typeof pipeline === 'string' && pipeline !== '_none'
  );
}

/**
 * Finds the integration's templates for the dataset (`logs-<dataset>` and its
 * `logs-<dataset>@namespace.<ns>`) and ours for each namespace. Reading templates needs the
 * `manage_index_templates` cluster privilege (Kibana's own user has it); without it the answer is
 * `unknown` with Elasticsearch's reason, never a failed page.
 */
export async function detectFleetPackage(
  client: FleetDetectionClient,
  dataset: string
): Promise<FleetPackage> {
  const base = fleetIndexTemplateName(dataset);
  const namespacePrefix = fleetNamespaceTemplatePrefix(dataset);
  try {
    // `logs-<dataset>*` also matches other datasets that start with this one: named ones only.
    const fleet = (await templatesMatching(client, `${base}*`)).filter(
      ({ name }) => name === base || name.startsWith(namespacePrefix)
    );
    if (fleet.length === 0) return { state: 'absent' };
    const ours = await templatesMatching(client, `${indexTemplateName(dataset)}-*`);
    const ourNamespaces = ours
      .map(({ index_template }) => index_template._meta?.namespace)
      .filter((namespace): namespace is string => typeof namespace === 'string')
      .sort();
    const fleetNamespaces = fleet
      .filter(({ name }) => name.startsWith(namespacePrefix))
      .map(({ name }) => name.slice(namespacePrefix.length));
    const pipelines = new Set<string>();
    for (const template of fleet) {
      for (const pipeline of await pipelinesOf(client, template)) pipelines.add(pipeline);
    }
    return {
      state: 'present',
      templates: fleet
        .map(({ name, index_template }) => ({
          name,
          priority: index_template.priority ?? 0,
          indexPatterns: [index_template.index_patterns].flat(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      pipelines: [...pipelines].sort(),
      ourPriority: NAMESPACE_TEMPLATE_PRIORITY,
      ourNamespaces,
      sharedNamespaces: ourNamespaces.filter((namespace) => fleetNamespaces.includes(namespace)),
    };
  } catch (error) {
    return { state: 'unknown', reason: describeError(error) };
  }
}
