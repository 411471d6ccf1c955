/**
 * The Elastic integration's dataset. Elastic's prebuilt detection rules query
 * `FROM logs-microsoft_exchange_online_message_trace.log-default` with this `event.dataset`, and its
 * dashboards filter on it, so writing here makes all of them work on our documents unchanged.
 */
export const DEFAULT_DATASET = 'microsoft_exchange_online_message_trace.log';
export const DEFAULT_NAMESPACE = 'default';
export const DATA_STREAM_TYPE = 'logs';

/**
 * Fleet's index template for that dataset (priority 200, default_pipeline = the integration's ingest
 * pipeline). It belongs to the integration: we never create, change or delete a template by this name.
 */
export function fleetIndexTemplateName(dataset: string): string {
  return `${DATA_STREAM_TYPE}-${dataset}`;
}

/**
 * Newer Fleet also installs one template per namespace of its agent policies: `<base>@namespace.<ns>`
 * on exactly `<type>-<dataset>-<ns>`, at its base priority + 50 (x-pack/platform/plugins/shared/fleet/
 * server/services/epm/elasticsearch/template/template.ts, generateNamespaceTemplateName,
 * generateNamespaceTemplateIndexPattern, NAMESPACE_TEMPLATE_PRIORITY_BOOST; find_string id 54529173221).
 */
export function fleetNamespaceTemplatePrefix(dataset: string): string {
  return `${fleetIndexTemplateName(dataset)}@namespace.`;
}

// Elastic's data stream naming scheme: type-dataset-namespace, no `-` inside the parts, lower case,
// at most 100 characters each.
const DATASET_PATTERN = /^[a-z0-9_.]{1,100}$/;
const NAMESPACE_PATTERN = /^[a-z0-9_]{1,100}$/;

export function isValidDataset(dataset: string): boolean {
  return DATASET_PATTERN.test(dataset) && !dataset.startsWith('.') && !dataset.startsWith('_');
}

export function isValidNamespace(namespace: string): boolean {
  return NAMESPACE_PATTERN.test(namespace) && !namespace.startsWith('_');
}

/** `logs-<dataset>-<namespace>`; throws on a part the naming scheme (or Elasticsearch) rejects. */
export function dataStreamName(
  dataset: string = DEFAULT_DATASET,
  namespace: string = DEFAULT_NAMESPACE
): string {
  if (!isValidDataset(dataset)) {
    throw new Error(`Invalid dataset "${dataset}": use lower-case letters, digits, "_" and "."`);
  }
  if (!isValidNamespace(namespace)) {
    throw new Error(`Invalid namespace "${namespace}": use lower-case letters, digits and "_"`);
  }
  return `${DATA_STREAM_TYPE}-${dataset}-${namespace}`;
}

/** Index pattern of every namespace of a dataset. */
export function dataStreamPattern(dataset: string = DEFAULT_DATASET): string {
  if (!isValidDataset(dataset)) throw new Error(`Invalid dataset "${dataset}"`);
  return `${DATA_STREAM_TYPE}-${dataset}-*`;
}
