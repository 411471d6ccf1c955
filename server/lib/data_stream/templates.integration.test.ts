import { Client } from '@elastic/elasticsearch';
import { writeDocuments } from '../writer/bulk_writer';
import { isNotFound } from '../writer/es_errors';
import { createMessageTraceMapper } from '../ecs/message_trace_document';
import { dataStreamName, fleetIndexTemplateName } from './data_stream_name';
import { GEOIP_PIPELINE_NAME, installGeoIpPipeline } from './geoip_pipeline';
import {
  MAPPINGS_COMPONENT_TEMPLATE,
  SETTINGS_COMPONENT_TEMPLATE,
  TEMPLATE_VERSION,
  componentTemplates,
  indexTemplate,
  indexTemplateName,
  installTemplates,
} from './templates';

/**
 * Templates on the real node. Names are cluster-wide and other suites may install the same
 * templates at the same time, so every stand-in "older" or "newer" copy keeps our content.
 * Data streams cannot be deleted on the test node: a dataset or namespace per run.
 */
const url = process.env.ES_URL;
if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
const client = new Client({ node: url });
const run = Date.now().toString(36);
const row = {
  id: '11111111-2222-4333-8444-555555555555',
  receivedDateTime: '2026-03-01T10:00:00Z',
  senderAddress: 'a@fabrikam.com',
  recipientAddress: 'b@contoso.com',
  status: 'Delivered',
  fromIP: '81.2.69.144',
};

async function getIndexTemplate(name: string) {
  try {
    const response = await client.indices.getIndexTemplate({ name });
    return response.index_templates[0]?.index_template;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function backingIndex(dataStream: string): Promise<string> {
  const resolved = await client.indices.resolveIndex({ name: dataStream, expand_wildcards: 'all' });
  const backing = resolved.data_streams[0]?.backing_indices.at(-1);
  if (!backing) throw new Error(`${dataStream} has no backing index`);
  return backing;
}

async function pipelineCount(id: string): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'ingest' });
  return Object.values(stats.nodes).reduce(
    (sum, node) => sum + (node.ingest?.pipelines?.[id]?.count ?? 0),
    0
  );
}

afterAll(async () => {
  // A data stream of the plugin's own dataset, made from the stand-in of the built-in template
  // (ours won it): gone where the node has the data streams API, which the integration-test
  // distribution lacks.
  await client.indices
    .deleteDataStream({ name: dataStreamName(undefined, `builtin${run}`) })
    .catch(() => undefined);
  await client.close();
});

describe('installTemplates', () => {
  it('installs when absent, upgrades an older version, leaves a newer one alone', async () => {
    const dataset = `emtinstall${run}`;
    const name = indexTemplateName(dataset);
    const first = await installTemplates(client, { dataset, retention: '90d' });
    expect(first.indexTemplate).toEqual({ name, outcome: 'installed' });
    const installed = await getIndexTemplate(name);
    expect(installed?.version).toBe(TEMPLATE_VERSION);
    expect(installed?.priority).toBe(150);
    expect(installed?.template?.lifecycle?.data_retention).toBe('90d');

    expect(
      (await installTemplates(client, { dataset, retention: '90d' })).indexTemplate.outcome
    ).toBe('unchanged');
    expect(
      (await installTemplates(client, { dataset, retention: '30d' })).indexTemplate.outcome
    ).toBe('updated');

    await client.indices.putIndexTemplate({ ...indexTemplate({ dataset }), version: 0 });
    expect((await installTemplates(client, { dataset })).indexTemplate.outcome).toBe('upgraded');
    expect((await getIndexTemplate(name))?.version).toBe(TEMPLATE_VERSION);

    await client.indices.putIndexTemplate({
      ...indexTemplate({ dataset }),
      version: TEMPLATE_VERSION + 1,
    });
    expect((await installTemplates(client, { dataset })).indexTemplate.outcome).toBe(
      'newer_left_alone'
    );
    expect((await getIndexTemplate(name))?.version).toBe(TEMPLATE_VERSION + 1);
  });

  it('upgrades older component templates and never downgrades newer ones', async () => {
    const [mappings] = componentTemplates();
    await client.cluster.putComponentTemplate({ ...mappings!, version: TEMPLATE_VERSION - 1 });
    const upgraded = await installTemplates(client);
    expect(upgraded.componentTemplates).toContainEqual({
      name: MAPPINGS_COMPONENT_TEMPLATE,
      outcome: 'upgraded',
    });

    await client.cluster.putComponentTemplate({ ...mappings!, version: TEMPLATE_VERSION + 1 });
    try {
      const result = await installTemplates(client);
      expect(result.componentTemplates).toContainEqual({
        name: MAPPINGS_COMPONENT_TEMPLATE,
        outcome: 'newer_left_alone',
      });
      expect(result.componentTemplates).toContainEqual({
        name: SETTINGS_COMPONENT_TEMPLATE,
        outcome: 'unchanged',
      });
    } finally {
      await client.cluster.putComponentTemplate(mappings!);
    }
  });

  it('wins over the built-in logs template: the backing index has our settings and mappings', async () => {
    // A stand-in of Elasticsearch's `logs` template when this distribution has none.
    const createdStandIn = (await getIndexTemplate('logs')) === undefined;
    if (createdStandIn) {
      await client.indices.putIndexTemplate({
        name: 'logs',
        index_patterns: ['logs-*-*'],
        priority: 100,
        data_stream: {},
        template: {
          settings: { index: { mode: 'logsdb', refresh_interval: '17s' } },
          mappings: { properties: { emt_standin_marker: { type: 'keyword' } } },
        },
      });
    }
    try {
      await installTemplates(client, { retention: '90d' });
      const dataStream = dataStreamName(undefined, `builtin${run}`);
      const mapper = createMessageTraceMapper({ namespace: `builtin${run}` });
      expect((await writeDocuments(client, dataStream, [mapper(row)])).created).toBe(1);

      const index = await backingIndex(dataStream);
      const settings = (await client.indices.getSettings({ index, flat_settings: true }))[index]
        ?.settings as Record<string, string>;
      expect(settings['index.mode']).toBe('standard');
      expect(settings['index.codec']).toBe('best_compression');
      expect(settings['index.refresh_interval']).toBeUndefined();
      const mapping = (await client.indices.getMapping({ index }))[index]?.mappings;
      expect(mapping?.dynamic).toBe('false');
      expect(mapping?.properties).not.toHaveProperty('emt_standin_marker');
      expect(mapping?.properties?.email).toMatchObject({ properties: { size: { type: 'long' } } });

      const simulated = await client.indices.simulateIndexTemplate({ name: dataStream });
      // The client's type omits `lifecycle` from the simulated template; the server returns it.
      const lifecycle = (simulated.template as { lifecycle?: { data_retention?: string } })
        .lifecycle;
      expect(lifecycle?.data_retention).toBe('90d');
      // Control: outside our pattern the stand-in (or the real built-in) applies.
      const other = await client.indices.simulateIndexTemplate({
        name: `logs-emtother${run}-default`,
      });
      expect(other.template.settings?.index?.mode).toBe('logsdb');
    } finally {
      // Fails harmlessly if another suite's data stream now uses the stand-in.
      if (createdStandIn)
        await client.indices.deleteIndexTemplate({ name: 'logs' }).catch(() => undefined);
    }
  });

  it('never touches Fleet’s template, and its default pipeline never runs on our documents', async () => {
    // Ingest stats skip a pipeline without processors; set_security_user is the one processor the
    // test node has (it fails without security, hence ignore_failure): the count then shows each run.
    const standInPipeline = 'emt-fleet-standin';
    await client.ingest.putPipeline({
      id: standInPipeline,
      processors: [{ set_security_user: { field: 'emt_standin_user', ignore_failure: true } }],
    });
    // Fleet's template as Fleet names it, for a dataset of this run: the data stream it makes maps
    // our documents its own way (text row ids), which the test node cannot delete and other suites'
    // views must not meet in the plugin's dataset.
    const dataset = `emtfleettpl${run}.log`;
    const fleetTemplate = fleetIndexTemplateName(dataset);
    await client.indices.putIndexTemplate({
      name: fleetTemplate,
      index_patterns: [`logs-${dataset}-*`],
      priority: 200,
      data_stream: {},
      template: { settings: { index: { default_pipeline: standInPipeline } } },
      _meta: { managed_by: 'fleet', package: { name: 'microsoft_exchange_online_message_trace' } },
    });
    const fleet = await getIndexTemplate(fleetTemplate);

    await installTemplates(client, { dataset });
    expect(await getIndexTemplate(fleetTemplate)).toEqual(fleet);

    const namespace = 'default';
    const dataStream = dataStreamName(dataset, namespace);
    const before = await pipelineCount(standInPipeline);
    const mapper = createMessageTraceMapper({ dataset, namespace });
    expect((await writeDocuments(client, dataStream, [mapper(row)])).created).toBe(1);
    // Fleet's template won this data stream, so its default pipeline was there to run...
    const index = await backingIndex(dataStream);
    const settings = (await client.indices.getSettings({ index, flat_settings: true }))[index]
      ?.settings as Record<string, string>;
    expect(settings['index.default_pipeline']).toBe(standInPipeline);
    // ...and `pipeline: _none` kept it from running.
    expect(await pipelineCount(standInPipeline)).toBe(before);
    expect(await getIndexTemplate(fleetTemplate)).toEqual(fleet);
    // Control: a write without `_none` does run it, so the count above measures something.
    await client.index({ index: dataStream, op_type: 'create', document: mapper(row).document });
    expect(await pipelineCount(standInPipeline)).toBe(before + 1);
  });
});

describe('installGeoIpPipeline', () => {
  it('installs nothing where the geoip processor is missing, and says why', async () => {
    const info = await client.nodes.info({ metric: 'ingest' });
    const hasGeoIp = Object.values(info.nodes).every((node) =>
      node.ingest?.processors?.some((processor) => processor.type === 'geoip')
    );
    const result = await installGeoIpPipeline(client);
    if (hasGeoIp) {
      expect(result).toMatchObject({ installed: true });
      expect(await client.ingest.getPipeline({ id: GEOIP_PIPELINE_NAME })).toHaveProperty(
        GEOIP_PIPELINE_NAME
      );
    } else {
      expect(result).toEqual({ installed: false, reason: expect.stringContaining('geoip') });
      await expect(client.ingest.getPipeline({ id: GEOIP_PIPELINE_NAME })).rejects.toMatchObject({
        statusCode: 404,
      });
    }
  });
});
