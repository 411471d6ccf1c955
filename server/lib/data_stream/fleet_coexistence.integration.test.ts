import { Client } from '@elastic/elasticsearch';
import {
  AGENT_NAMESPACES,
  OUR_NAMESPACE,
  fleetStandIn,
  installFleetStandIn,
  removeFleetStandIn,
  type FleetStandIn,
} from '../../../test/es/fleet_package_stand_in';
import { createMessageTraceMapper } from '../ecs/message_trace_document';
import { searchMessages } from '../views/message_search';
import { viewIndex } from '../views/view_scope';
import { writeDocuments } from '../writer/bulk_writer';
import { dataStreamName, fleetIndexTemplateName } from './data_stream_name';
import { NamespaceTemplates } from './namespace_templates';
import { installTemplates } from './templates';

/**
 * Our documents beside a stand-in of the Fleet package's assets (test/es/fleet_package_stand_in.ts),
 * whichever is installed first. A dataset per scenario and run: the node is shared, and the
 * stand-ins' patterns are the package's.
 */
const url = process.env.ES_URL;
if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
const client = new Client({ node: url });
const run = Date.now().toString(36);

const rows = [
  {
    id: '11111111-2222-4333-8444-555555555555',
    receivedDateTime: '2026-03-01T10:00:00Z',
    senderAddress: 'billing@fabrikam.com',
    recipientAddress: 'b@contoso.com',
    subject: 'Overdue invoice reminder',
    status: 'delivered',
    fromIP: '81.2.69.144',
  },
  {
    id: '66666666-2222-4333-8444-555555555555',
    receivedDateTime: '2026-03-01T11:00:00Z',
    senderAddress: 'news@fabrikam.com',
    recipientAddress: 'c@contoso.com',
    subject: 'Weekly digest',
    status: 'quarantined',
    fromIP: '81.2.69.145',
  },
  {
    id: '77777777-2222-4333-8444-555555555555',
    receivedDateTime: '2026-03-01T12:00:00Z',
    senderAddress: 'billing@fabrikam.com',
    recipientAddress: 'd@contoso.com',
    subject: 'Final invoice notice',
    status: 'filteredAsSpam',
    fromIP: '81.2.69.144',
  },
];

async function pipelineRuns(id: string): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'ingest' });
  return Object.values(stats.nodes).reduce(
    (sum, node) => sum + (node.ingest?.pipelines?.[id]?.count ?? 0),
    0
  );
}

/**
 * The write index and what it was created from. The test node has no data stream REST API (an
 * x-pack module), so the backing indices come from resolve and the template from the index's
 * mapping `_meta`, which each stand-in names as Fleet's names its package there.
 */
/** Runs of the stand-in's default and final pipelines so far. */
function standInRuns(standIn: FleetStandIn): Promise<number[]> {
  return Promise.all([standIn.defaultPipeline, standIn.finalPipeline].map(pipelineRuns));
}

async function writeIndex(dataStream: string) {
  const resolved = await client.indices.resolveIndex({ name: dataStream, expand_wildcards: 'all' });
  const backing = resolved.data_streams[0]!.backing_indices;
  const index = backing.at(-1)!;
  const settings = (await client.indices.getSettings({ index, flat_settings: true }))[index]
    ?.settings as Record<string, string>;
  const mapping = (await client.indices.getMapping({ index }))[index]!.mappings;
  return {
    index,
    count: backing.length,
    fleetTemplate: mapping._meta?.template,
    settings,
    mapping,
  };
}

/** The collector's write: our mapper (with event.original kept) and the writer's defaults. */
async function writeOurs(dataset: string, written: typeof rows) {
  const mapper = createMessageTraceMapper({
    dataset,
    namespace: OUR_NAMESPACE,
    preserveOriginal: true,
  });
  const documents = written.map(mapper);
  const result = await writeDocuments(client, dataStreamName(dataset, OUR_NAMESPACE), documents, {
    refresh: true,
  });
  expect(result).toEqual({ created: written.length, alreadyPresent: 0, failed: [] });
  return documents.map((document) => document._id);
}

/**
 * An agent's write into the package's data streams: no pipeline named, so the index's run. The
 * document has the ECS fields the package's pipeline sets (elastic_integration_anchor.md), in the
 * hours of our rows, and no `event.action` or row id, which the package never writes.
 */
async function writeAgents(dataset: string) {
  for (const namespace of AGENT_NAMESPACES) {
    await client.index({
      index: dataStreamName(dataset, namespace),
      op_type: 'create',
      refresh: true,
      document: {
        '@timestamp': '2026-03-01T10:30:00Z',
        message: '{"id":"x"}',
        event: { outcome: 'failure' },
        email: {
          local_id: '88888888-2222-4333-8444-555555555555',
          from: { address: ['billing@fabrikam.com'] },
          to: { address: 'e@contoso.com' },
          subject: 'Agent-collected invoice',
        },
      },
    });
  }
}

/** A view over every namespace of the dataset counts our rows, never the package's documents. */
async function expectViewsCountOnlyOurs(dataset: string, written: typeof rows) {
  const found = await searchMessages(
    { client, index: viewIndex(dataset) },
    { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' }
  );
  expect(found.rows.map((row) => row.recipient).sort()).toEqual(
    written.map((row) => row.recipientAddress).sort()
  );
  expect(found.total).toBe(written.length);
}

async function expectOursIntact(dataset: string, ids: string[]) {
  const ours = await writeIndex(dataStreamName(dataset, OUR_NAMESPACE));
  expect(ours.fleetTemplate).toBeUndefined();
  expect(ours.settings['index.default_pipeline']).toBe('_none');
  expect(ours.settings['index.final_pipeline']).toBe('_none');
  expect(ours.mapping.dynamic).toBe('false');
  expect(ours.mapping.properties?.email).toMatchObject({
    properties: { subject: { type: 'keyword', fields: { text: { type: 'text' } } } },
  });

  const stored = await client.search<Record<string, unknown>>({
    index: dataStreamName(dataset, OUR_NAMESPACE),
    size: 100,
  });
  for (const hit of stored.hits.hits) {
    expect(ids).toContain(hit._id);
    expect(hit._source).not.toHaveProperty('fleet_standin_default');
    expect(hit._source).not.toHaveProperty('fleet_standin_final');
  }
  expect(stored.hits.hits.map((hit) => hit._id).sort()).toEqual([...ids].sort());

  // The messages view: a word of the subject (our text sub-field) and the row in its latest status.
  const found = await searchMessages(
    { client, index: viewIndex(dataset, [OUR_NAMESPACE]) },
    { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z', subject: 'invoice' }
  );
  expect(found.rows.map((row) => [row.recipient, row.subject, row.status])).toEqual([
    ['d@contoso.com', 'Final invoice notice', 'filteredAsSpam'],
    ['b@contoso.com', 'Overdue invoice reminder', 'delivered'],
  ]);
  expect(found.total).toBe(2);
}

async function expectPackageKeepsItsOwn(standIn: FleetStandIn) {
  const base = fleetIndexTemplateName(standIn.dataset);
  const expected = [`${base}@namespace.${AGENT_NAMESPACES[0]}`, base];
  for (const [position, namespace] of AGENT_NAMESPACES.entries()) {
    const agents = await writeIndex(dataStreamName(standIn.dataset, namespace));
    expect(agents.fleetTemplate).toBe(expected[position]);
    expect(agents.settings['index.default_pipeline']).toBe(standIn.defaultPipeline);
    expect(agents.settings['index.final_pipeline']).toBe(standIn.finalPipeline);
    const stored = await client.search<Record<string, unknown>>({ index: agents.index });
    for (const hit of stored.hits.hits) {
      expect(hit._source).toHaveProperty('fleet_standin_default');
      expect(hit._source).toHaveProperty('fleet_standin_final');
    }
  }
}

afterAll(async () => {
  await client.close();
});

describe('beside the Fleet package for the same dataset', () => {
  it('installed before ours: our data stream takes our template, the package keeps its own', async () => {
    const standIn = fleetStandIn(`emtfleetbefore${run}.log`);
    await installFleetStandIn(client, standIn);
    try {
      await installTemplates(client, { dataset: standIn.dataset });
      await new NamespaceTemplates(client, { dataset: standIn.dataset }).ensure(OUR_NAMESPACE);
      const before = await standInRuns(standIn);
      const ids = await writeOurs(standIn.dataset, rows);
      expect(await standInRuns(standIn)).toEqual(before);
      await expectOursIntact(standIn.dataset, ids);

      await writeAgents(standIn.dataset);
      await expectPackageKeepsItsOwn(standIn);
      await expectViewsCountOnlyOurs(standIn.dataset, rows);
    } finally {
      await removeFleetStandIn(client, standIn);
    }
  });

  it('installed after ours, then a rollover: the new backing index is still ours', async () => {
    const standIn = fleetStandIn(`emtfleetafter${run}.log`);
    const dataset = standIn.dataset;
    await installTemplates(client, { dataset });
    await new NamespaceTemplates(client, { dataset }).ensure(OUR_NAMESPACE);
    const earlier = await writeOurs(dataset, rows.slice(0, 2));
    await installFleetStandIn(client, standIn);
    try {
      // Fleet rolls a data stream over when a package upgrade changes its mappings.
      await client.indices.rollover({ alias: dataStreamName(dataset, OUR_NAMESPACE) });
      const rolled = await writeIndex(dataStreamName(dataset, OUR_NAMESPACE));
      expect(rolled.count).toBe(2);
      const before = await standInRuns(standIn);
      const later = await writeOurs(dataset, rows.slice(2));
      expect(await standInRuns(standIn)).toEqual(before);
      await expectOursIntact(dataset, [...earlier, ...later]);

      await writeAgents(dataset);
      await expectPackageKeepsItsOwn(standIn);
    } finally {
      await removeFleetStandIn(client, standIn);
    }
  });

  it('a data stream first created from the package’s template is rolled over to ours', async () => {
    const standIn = fleetStandIn(`emtfleetmigrate${run}.log`);
    const dataset = standIn.dataset;
    await installFleetStandIn(client, standIn);
    try {
      await installTemplates(client, { dataset });
      // What the integration's agent wrote in the namespace before the move to the plugin.
      await client.index({
        index: dataStreamName(dataset, OUR_NAMESPACE),
        op_type: 'create',
        document: { '@timestamp': '2026-02-01T10:00:00Z', message: '{"id":"y"}' },
      });
      expect((await writeIndex(dataStreamName(dataset, OUR_NAMESPACE))).fleetTemplate).toBe(
        `${fleetIndexTemplateName(dataset)}@namespace.${OUR_NAMESPACE}`
      );
      await new NamespaceTemplates(client, { dataset }).ensure(OUR_NAMESPACE);
      const before = await pipelineRuns(standIn.finalPipeline);
      await writeOurs(dataset, rows);
      // A lazy rollover: our first write created a backing index from our template and went there.
      expect(await pipelineRuns(standIn.finalPipeline)).toBe(before);
      const ours = await writeIndex(dataStreamName(dataset, OUR_NAMESPACE));
      expect(ours.count).toBe(2);
      expect(ours.settings['index.final_pipeline']).toBe('_none');
    } finally {
      await removeFleetStandIn(client, standIn);
    }
  });
});
