import { type estypes } from '@elastic/elasticsearch';
import { isNotFound } from '../writer/es_errors';
import { DEFAULT_DATASET, dataStreamName } from './data_stream_name';
import {
  indexTemplate,
  indexTemplateName,
  installIndexTemplate,
  type InstallOutcome,
  type TemplateClient,
  type TemplateOptions,
} from './templates';

/**
 * Above Fleet's templates for the dataset (200, and 250 for its namespace templates), so a data
 * stream we write keeps our mappings and no Fleet pipeline even where the integration is installed,
 * whichever was installed first. Never 150, 200 or 250: Elasticsearch refuses a second template at
 * the same priority whose patterns overlap, which would break Fleet's next package install.
 */
export const NAMESPACE_TEMPLATE_PRIORITY = 300;

export interface NamespaceTemplateOptions extends TemplateOptions {
  namespace: string;
}

/** Our template for one data stream: exactly `logs-<dataset>-<namespace>`, nothing around it. */
export function namespaceTemplateName(dataset: string, namespace: string): string {
  return `${indexTemplateName(dataset)}-${namespace}`;
}

export function namespaceIndexTemplate(
  options: NamespaceTemplateOptions
): estypes.IndicesPutIndexTemplateRequest {
  const dataset = options.dataset ?? DEFAULT_DATASET;
  const base = indexTemplate(options);
  return {
    ...base,
    name: namespaceTemplateName(dataset, options.namespace),
    // Exact, as Fleet's namespace templates: `default` must not also take `default_eu`.
    index_patterns: [dataStreamName(dataset, options.namespace)],
    priority: NAMESPACE_TEMPLATE_PRIORITY,
    _meta: { ...base._meta, namespace: options.namespace },
  };
}

export interface InstalledNamespaceTemplate {
  name: string;
  outcome: InstallOutcome;
  /** The data stream rolls over at its next write, so the change reaches it then. */
  rolloverRequested: boolean;
}

/**
 * A template applies to backing indices created after it: where the data stream exists already
 * (created from Fleet's template, or from an older version of ours), a lazy rollover gives it a new
 * backing index from ours at its next write, and never an empty one where nothing is written.
 * Kibana's own user may do this (kibana_system has indices:admin/rollover on logs-*).
 */
async function requestRollover(client: TemplateClient, dataStream: string) {
  try {
    await client.indices.rollover({ alias: dataStream, lazy: true });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Installs (or upgrades) our template for one namespace; call before the first write there. */
export async function installNamespaceTemplate(
  client: TemplateClient,
  options: NamespaceTemplateOptions
): Promise<InstalledNamespaceTemplate> {
  const template = namespaceIndexTemplate(options);
  const { name, outcome } = await installIndexTemplate(client, template);
  const changed = outcome === 'installed' || outcome === 'upgraded' || outcome === 'updated';
  const rolloverRequested = changed
    ? await requestRollover(client, dataStreamName(options.dataset, options.namespace))
    : false;
  return { name, outcome, rolloverRequested };
}

/**
 * Once per namespace and process: the first write to a namespace waits for its template, later
 * ones do not ask Elasticsearch again. A failure is not remembered, so the next write retries.
 */
export class NamespaceTemplates {
  private readonly installed = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: TemplateClient,
    private readonly options: TemplateOptions
  ) {}

  ensure(namespace: string): Promise<unknown> {
    let pending = this.installed.get(namespace);
    if (!pending) {
      pending = installNamespaceTemplate(this.client, { ...this.options, namespace });
      pending.catch(() => this.installed.delete(namespace));
      this.installed.set(namespace, pending);
    }
    return pending;
  }
}
