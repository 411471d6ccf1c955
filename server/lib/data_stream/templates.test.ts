import { DEFAULT_DATASET, dataStreamName } from './data_stream_name';
import { geoIpPipeline } from './geoip_pipeline';
import { mappedFieldPaths } from './mappings';
import { namespaceIndexTemplate } from './namespace_templates';
import { componentTemplates, indexTemplate } from './templates';

describe('data stream names', () => {
  it('defaults to the integration data stream', () => {
    expect(dataStreamName()).toBe('logs-microsoft_exchange_online_message_trace.log-default');
    expect(() => dataStreamName(DEFAULT_DATASET, 'has-dash')).toThrow();
    expect(() => dataStreamName('has-dash')).toThrow();
  });
});

describe('index template', () => {
  // Its priority (150, between the built-in logs template's 100 and Fleet's 200) and its
  // composition are proven on the real node: templates.integration.test.ts reads the installed
  // priority, and the backing index of a data stream gets our settings and mappings over the
  // built-in logs template's, while Fleet's template keeps its own data stream.
  it('has its own name, never Fleet’s, for the integration’s data streams', () => {
    const template = indexTemplate({ retention: '90d' });
    expect(template.name).toBe(
      'exchange_message_trace@logs-microsoft_exchange_online_message_trace.log'
    );
    expect(template.index_patterns).toEqual(['logs-microsoft_exchange_online_message_trace.log-*']);
    expect(template.data_stream).toEqual({});
    expect(template.template?.lifecycle).toEqual({ enabled: true, data_retention: '90d' });
    expect(template.composed_of).toEqual([
      'exchange_message_trace@mappings',
      'exchange_message_trace@settings',
    ]);
  });

  it('rejects a malformed retention and keeps data without one', () => {
    expect(() => indexTemplate({ retention: '90 days' })).toThrow(/retention/);
    expect(indexTemplate().template?.lifecycle).toEqual({ enabled: true });
  });

  it('states the index mode, and that no index pipeline runs', () => {
    const settings = componentTemplates()[1]?.template.settings;
    expect(settings?.index?.mode).toBe('standard');
    expect(settings?.index?.default_pipeline).toBe('_none');
    expect(settings?.index?.final_pipeline).toBe('_none');
  });
});

describe('namespace template', () => {
  // Fleet's are 200 (dataset) and 250 (namespace): fleet_coexistence.integration.test.ts shows ours
  // winning our data stream and theirs keeping the package's, on the real node.
  it('covers exactly one data stream, above Fleet’s templates, with the same content', () => {
    const template = namespaceIndexTemplate({ namespace: 'default', retention: '30d' });
    expect(template.name).toBe(
      'exchange_message_trace@logs-microsoft_exchange_online_message_trace.log-default'
    );
    expect(template.index_patterns).toEqual([
      'logs-microsoft_exchange_online_message_trace.log-default',
    ]);
    expect(template.priority).toBe(300);
    const base = indexTemplate({ retention: '30d' });
    expect(template.composed_of).toEqual(base.composed_of);
    expect(template.template).toEqual(base.template);
    expect(template._meta).toMatchObject({
      managed_by: 'exchange_message_trace',
      namespace: 'default',
    });
  });
});

describe('mappings', () => {
  it('map what the GeoIP pipeline writes', () => {
    const mapped = new Set(mappedFieldPaths());
    for (const side of ['source', 'destination']) {
      for (const field of [
        'geo.location',
        'geo.city_name',
        'geo.country_iso_code',
        'as.number',
        'as.organization.name',
      ]) {
        expect(mapped).toContain(`${side}.${field}`);
      }
    }
    expect(JSON.stringify(geoIpPipeline().processors)).toContain('GeoLite2-ASN.mmdb');
  });
});
