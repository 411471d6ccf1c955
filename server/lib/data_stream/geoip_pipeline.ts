import { type Client, type estypes } from '@elastic/elasticsearch';
import { describeError, isNotFound } from '../writer/es_errors';

export type PipelineClient = Pick<Client, 'ingest' | 'nodes'>;

export const GEOIP_PIPELINE_NAME = 'exchange_message_trace-geoip';
export const GEOIP_PIPELINE_VERSION = 1;
/** Bulk `pipeline` value that runs no pipeline, not even an index's default_pipeline. */
export const NO_PIPELINE = '_none';

// What the integration's geoip processors write with their default properties; mappings.ts maps these.
const CITY_PROPERTIES = [
  'continent_name',
  'country_iso_code',
  'country_name',
  'region_iso_code',
  'region_name',
  'city_name',
  'location',
];

function enrich(side: 'source' | 'destination'): estypes.IngestProcessorContainer[] {
  const common = { field: `${side}.ip`, ignore_missing: true, ignore_failure: true };
  return [
    { geoip: { ...common, target_field: `${side}.geo`, properties: CITY_PROPERTIES } },
    {
      geoip: {
        ...common,
        database_file: 'GeoLite2-ASN.mmdb',
        target_field: `${side}.as`,
        properties: ['asn', 'organization_name'],
      },
    },
    // The ASN database's names are not ECS names: rename as the integration does.
    {
      rename: {
        field: `${side}.as.asn`,
        target_field: `${side}.as.number`,
        ignore_missing: true,
        ignore_failure: true,
      },
    },
    {
      rename: {
        field: `${side}.as.organization_name`,
        target_field: `${side}.as.organization.name`,
        ignore_missing: true,
        ignore_failure: true,
      },
    },
  ];
}

export function geoIpPipeline(): estypes.IngestPutPipelineRequest {
  return {
    id: GEOIP_PIPELINE_NAME,
    description: 'GeoIP city and ASN of source.ip and destination.ip of Exchange message traces',
    version: GEOIP_PIPELINE_VERSION,
    _meta: { managed_by: 'exchange_message_trace', managed: true },
    // A failed lookup (private IP, database still downloading) must never cost the document.
    processors: [...enrich('source'), ...enrich('destination')],
  };
}

export type GeoIpPipelineResult =
  | { installed: true; outcome: 'installed' | 'upgraded' | 'unchanged' | 'newer_left_alone' }
  | { installed: false; reason: string };

const REQUIRED_PROCESSORS = ['geoip', 'rename'];

/** Every node must have the processors: a pipeline runs on whichever ingest node receives the write. */
async function missingProcessors(client: PipelineClient): Promise<string[]> {
  const info = await client.nodes.info({ metric: 'ingest' });
  const nodes = Object.values(info.nodes);
  if (nodes.length === 0) return REQUIRED_PROCESSORS;
  return REQUIRED_PROCESSORS.filter((type) =>
    nodes.some(
      (node) => !(node.ingest?.processors ?? []).some((processor) => processor.type === type)
    )
  );
}

/**
 * Installs the GeoIP pipeline only where Elasticsearch can run it (the ingest-geoip module; the
 * integration-test distribution lacks it). When `installed` is false the writer should send
 * NO_PIPELINE; when true, GEOIP_PIPELINE_NAME. Checking needs the `monitor` cluster privilege; without
 * it this reports `installed: false` and the reason instead of failing the start.
 */
export async function installGeoIpPipeline(client: PipelineClient): Promise<GeoIpPipelineResult> {
  let missing: string[];
  try {
    missing = await missingProcessors(client);
  } catch (error) {
    return { installed: false, reason: `cannot list ingest processors: ${describeError(error)}` };
  }
  if (missing.length > 0) {
    return { installed: false, reason: `ingest processors not available: ${missing.join(', ')}` };
  }

  let current: number | undefined | null = null;
  try {
    const existing = await client.ingest.getPipeline({ id: GEOIP_PIPELINE_NAME });
    const found = existing[GEOIP_PIPELINE_NAME];
    if (found) current = found.version;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (current !== null && (current ?? 0) > GEOIP_PIPELINE_VERSION) {
    return { installed: true, outcome: 'newer_left_alone' };
  }
  if (current === GEOIP_PIPELINE_VERSION) return { installed: true, outcome: 'unchanged' };
  await client.ingest.putPipeline(geoIpPipeline());
  return { installed: true, outcome: current === null ? 'installed' : 'upgraded' };
}
