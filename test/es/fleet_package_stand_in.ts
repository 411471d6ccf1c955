import { type Client, type estypes } from '@elastic/elasticsearch';
import {
  dataStreamName,
  fleetIndexTemplateName,
} from '../../server/lib/data_stream/data_stream_name';

/**
 * A stand-in of the Fleet package's assets for a dataset, built from what the package and
 * Fleet install (shared/reference/elastic_security_and_analyst_tools.md §1b): the dataset's template
 * at 200 on `logs-<dataset>-*`, a namespace template per agent-policy namespace at 250 on exactly
 * `logs-<dataset>-<namespace>` named `logs-<dataset>@namespace.<namespace>`, a default pipeline (the
 * package's, which parses event.original and rewrites _id) and a final pipeline (Fleet's, which
 * rewrites event.ingested), and Fleet's own mappings. The test node has one ingest processor,
 * set_security_user: each stand-in pipeline runs it to leave a mark on every document it touches
 * (and a count in the ingest stats), which is what "never passes through its pipelines" observes.
 */

/** The namespace our tests write, which the package's agent policy also had. */
export const OUR_NAMESPACE = 'default';
/** An agent policy's namespace with Fleet's namespace template, and one with only the dataset's. */
export const AGENT_NAMESPACES = ['agents', 'agents_eu'];

export interface FleetStandIn {
  dataset: string;
  defaultPipeline: string;
  finalPipeline: string;
  templates: string[];
}

export function fleetStandIn(dataset: string): FleetStandIn {
  const base = fleetIndexTemplateName(dataset);
  return {
    dataset,
    defaultPipeline: `${base}-2.1.1`,
    finalPipeline: `emt-fleet-final-standin-${dataset}`,
    templates: [
      base,
      ...[OUR_NAMESPACE, AGENT_NAMESPACES[0]!].map((namespace) => `${base}@namespace.${namespace}`),
    ],
  };
}

export async function installFleetStandIn(client: Client, standIn: FleetStandIn): Promise<void> {
  const mark = (field: string) => [{ set_security_user: { field, properties: ['username'] } }];
  await client.ingest.putPipeline({
    id: standIn.defaultPipeline,
    description: 'Stand-in of the package pipeline: json on event.original, fingerprint into _id',
    processors: mark('fleet_standin_default'),
  });
  await client.ingest.putPipeline({
    id: standIn.finalPipeline,
    description: 'Stand-in of .fleet_final_pipeline-1: sets event.ingested on every write',
    processors: mark('fleet_standin_final'),
  });
  const base = fleetIndexTemplateName(standIn.dataset);
  const template = (name: string): estypes.IndicesPutIndexTemplateRequest => ({
    name,
    data_stream: {},
    template: {
      settings: {
        index: { default_pipeline: standIn.defaultPipeline, final_pipeline: standIn.finalPipeline },
      },
      // The package's raw fields (fields.yml) and Fleet's dynamic mapping of the rest.
      mappings: {
        _meta: { template: name },
        dynamic: true,
        properties: {
          microsoft: {
            properties: {
              online_message_trace: {
                properties: {
                  Subject: { type: 'keyword' },
                  Received: { type: 'date_nanos' },
                  Size: { type: 'long' },
                },
              },
            },
          },
          email: { properties: { subject: { type: 'keyword', ignore_above: 1024 } } },
        },
      },
    },
    _meta: { managed_by: 'fleet', managed: true, package: { name: 'standin' } },
  });
  await client.indices.putIndexTemplate({
    ...template(base),
    index_patterns: [`logs-${standIn.dataset}-*`],
    priority: 200,
  });
  for (const namespace of [OUR_NAMESPACE, AGENT_NAMESPACES[0]!]) {
    await client.indices.putIndexTemplate({
      ...template(`${base}@namespace.${namespace}`),
      index_patterns: [dataStreamName(standIn.dataset, namespace)],
      priority: 250,
    });
  }
}

export async function removeFleetStandIn(client: Client, standIn: FleetStandIn): Promise<void> {
  // Our dataset-wide template still matches every data stream, so Elasticsearch lets these go.
  for (const name of standIn.templates) await client.indices.deleteIndexTemplate({ name });
}
