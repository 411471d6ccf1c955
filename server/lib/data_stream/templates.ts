import { type Client, type estypes } from '@elastic/elasticsearch';
import { isNotFound } from '../writer/es_errors';
import { DEFAULT_DATASET, dataStreamPattern } from './data_stream_name';
import { messageTraceMappings } from './mappings';

export type TemplateClient = Pick<Client, 'indices' | 'cluster'>;

/** Bump whenever a template's content changes: older installed versions are then replaced. */
export const TEMPLATE_VERSION = 4;
export const MAPPINGS_COMPONENT_TEMPLATE = 'exchange_message_trace@mappings';
export const SETTINGS_COMPONENT_TEMPLATE = 'exchange_message_trace@settings';
/**
 * The dataset-wide fallback: above Elasticsearch's built-in `logs` template (100, which would make
 * the index logsdb and add its own mappings), below Fleet's integration template (200), so the
 * integration's agents keep their mappings and pipelines in every namespace we do not write. The
 * namespaces we write get a namespace template above Fleet's (namespace_templates.ts).
 */
export const INDEX_TEMPLATE_PRIORITY = 150;

export const MANAGED_BY = 'exchange_message_trace';

/** Our index template for a dataset; never the Fleet template's name. */
export function indexTemplateName(dataset: string = DEFAULT_DATASET): string {
  return `exchange_message_trace@logs-${dataset}`;
}

const RETENTION_PATTERN = /^[1-9]\d*(d|h|m|s|ms|micros|nanos)$/;

export function isValidRetention(retention: string): boolean {
  return RETENTION_PATTERN.test(retention);
}

/**
 * Stated explicitly so the index never inherits a default: `standard` mode (logsdb would sort by
 * host.name, which we never set, and reconstruct `_source` synthetically, reordering arrays such as
 * related.user); one shard (a tenant's traces are small); a replica where a second node exists;
 * best_compression (logs are written once, read rarely). refresh_interval is left unset on purpose:
 * only then do idle shards skip refreshes. No default or final pipeline: the writer names the one
 * it wants per request, and `pipeline: _none` on a write skips only the default pipeline, never a
 * final one (such as Fleet's `.fleet_final_pipeline-1`, which rewrites event.ingested).
 */
export const messageTraceSettings: estypes.IndicesIndexSettings = {
  index: {
    mode: 'standard',
    number_of_shards: 1,
    auto_expand_replicas: '0-1',
    codec: 'best_compression',
    default_pipeline: '_none',
    final_pipeline: '_none',
    mapping: { total_fields: { limit: 1000 }, ignore_malformed: false },
  },
};

export function meta(description: string, extra: Record<string, unknown> = {}): estypes.Metadata {
  return { managed_by: MANAGED_BY, managed: true, description, ...extra };
}

export interface TemplateOptions {
  dataset?: string;
  /** Data stream lifecycle retention such as '90d'; undefined keeps data until deleted (as the integration's ILM policy). */
  retention?: string;
}

export function componentTemplates(): estypes.ClusterPutComponentTemplateRequest[] {
  return [
    {
      name: MAPPINGS_COMPONENT_TEMPLATE,
      version: TEMPLATE_VERSION,
      _meta: meta('Mappings of Exchange Online message trace documents'),
      template: { mappings: messageTraceMappings },
    },
    {
      name: SETTINGS_COMPONENT_TEMPLATE,
      version: TEMPLATE_VERSION,
      _meta: meta('Index settings of Exchange Online message trace data streams'),
      template: { settings: messageTraceSettings },
    },
  ];
}

export function indexTemplate(
  options: TemplateOptions = {}
): estypes.IndicesPutIndexTemplateRequest {
  const dataset = options.dataset ?? DEFAULT_DATASET;
  const name = indexTemplateName(dataset);
  if (options.retention !== undefined && !isValidRetention(options.retention)) {
    throw new Error(`Invalid retention "${options.retention}": use a duration such as 90d`);
  }
  return {
    name,
    index_patterns: [dataStreamPattern(dataset)],
    priority: INDEX_TEMPLATE_PRIORITY,
    data_stream: {},
    allow_auto_create: true,
    composed_of: [MAPPINGS_COMPONENT_TEMPLATE, SETTINGS_COMPONENT_TEMPLATE],
    template: {
      lifecycle: {
        enabled: true,
        ...(options.retention ? { data_retention: options.retention } : {}),
      },
    },
    version: TEMPLATE_VERSION,
    // No null values in _meta: the data stream copies it, and a null there makes Elasticsearch 9.5
    // fail the data stream's creation with a null_pointer_exception (seen on the test node).
    _meta: meta(
      'Exchange Online message traces collected from Microsoft Graph',
      options.retention ? { retention: options.retention } : {}
    ),
  };
}

export type InstallOutcome =
  /** Absent before. */
  | 'installed'
  /** An older version (or one without a version) was replaced. */
  | 'upgraded'
  /** Same version, different configuration (retention) was replaced. */
  | 'updated'
  | 'unchanged'
  /** A newer plugin version installed it: never downgraded. */
  | 'newer_left_alone';

export interface InstalledTemplate {
  name: string;
  outcome: InstallOutcome;
}

function decide(installed: number | undefined | null, sameConfig: boolean): InstallOutcome {
  if (installed === null) return 'installed';
  const version = installed ?? 0;
  if (version > TEMPLATE_VERSION) return 'newer_left_alone';
  if (version < TEMPLATE_VERSION) return 'upgraded';
  return sameConfig ? 'unchanged' : 'updated';
}

const WRITES: InstallOutcome[] = ['installed', 'upgraded', 'updated'];

function assertOurs(name: string): void {
  // Belt and braces: the integration's templates (`logs-<dataset>…`) are Fleet's to manage.
  if (!name.startsWith(`${MANAGED_BY}@`)) throw new Error(`Refusing to write template ${name}`);
}

async function installComponent(
  client: TemplateClient,
  template: estypes.ClusterPutComponentTemplateRequest
): Promise<InstalledTemplate> {
  assertOurs(template.name);
  let installed: number | undefined | null = null;
  try {
    const response = await client.cluster.getComponentTemplate({ name: template.name });
    const found = response.component_templates.find((entry) => entry.name === template.name);
    if (found) installed = found.component_template.version;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const outcome = decide(installed, true);
  if (WRITES.includes(outcome)) await client.cluster.putComponentTemplate(template);
  return { name: template.name, outcome };
}

export async function installIndexTemplate(
  client: TemplateClient,
  template: estypes.IndicesPutIndexTemplateRequest
): Promise<InstalledTemplate> {
  assertOurs(template.name);
  let installed: number | undefined | null = null;
  let sameConfig = true;
  try {
    const response = await client.indices.getIndexTemplate({ name: template.name });
    const found = response.index_templates.find((entry) => entry.name === template.name);
    if (found) {
      installed = found.index_template.version;
      const current = found.index_template.template?.lifecycle?.data_retention;
      sameConfig = (current ?? null) === (template.template?.lifecycle?.data_retention ?? null);
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const outcome = decide(installed, sameConfig);
  if (WRITES.includes(outcome)) await client.indices.putIndexTemplate(template);
  return { name: template.name, outcome };
}

export interface InstallTemplatesResult {
  componentTemplates: InstalledTemplate[];
  indexTemplate: InstalledTemplate;
}

/**
 * Installs (or upgrades) our component and index templates; call at start. Components go first:
 * an index template naming a missing component is rejected. A template only affects indices
 * created after it, so an upgrade reaches an existing data stream at its next rollover.
 */
export async function installTemplates(
  client: TemplateClient,
  options: TemplateOptions = {}
): Promise<InstallTemplatesResult> {
  const index = indexTemplate(options); // validates before anything is written
  const components: InstalledTemplate[] = [];
  for (const component of componentTemplates()) {
    components.push(await installComponent(client, component));
  }
  return {
    componentTemplates: components,
    indexTemplate: await installIndexTemplate(client, index),
  };
}
