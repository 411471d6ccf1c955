import { DEFAULT_DATASET, FLEET_INDEX_TEMPLATE_NAME, dataStreamName } from './data_stream_name';
import { geoIpPipeline } from './geoip_pipeline';
import { mappedFieldPaths } from './mappings';
import {
  INDEX_TEMPLATE_PRIORITY,
  componentTemplates,
  indexTemplate,
  indexTemplateName,
} from './templates';

describe('data stream names', () => {
  it('defaults to the integration data stream', () => {
    expect(dataStreamName()).toBe('logs-microsoft_exchange_online_message_trace.log-default');
    expect(() => dataStreamName(DEFAULT_DATASET, 'has-dash')).toThrow();
    expect(() => dataStreamName('has-dash')).toThrow();
  });
});

describe('index template', () => {
  it('has its own name, never Fleet’s, and sits between the built-in logs (100) and Fleet (200)', () => {
    const template = indexTemplate({ retention: '90d' });
    expect(template.name).toBe(indexTemplateName());
    expect(template.name).not.toBe(FLEET_INDEX_TEMPLATE_NAME);
    expect(INDEX_TEMPLATE_PRIORITY).toBeGreaterThan(100);
    expect(INDEX_TEMPLATE_PRIORITY).toBeLessThan(200);
    expect(template.index_patterns).toEqual([`logs-${DEFAULT_DATASET}-*`]);
    expect(template.data_stream).toEqual({});
    expect(template.template?.lifecycle).toEqual({ enabled: true, data_retention: '90d' });
    expect(template.composed_of).toEqual(componentTemplates().map((component) => component.name));
  });

  it('rejects a malformed retention and keeps data without one', () => {
    expect(() => indexTemplate({ retention: '90 days' })).toThrow(/retention/);
    expect(indexTemplate().template?.lifecycle).toEqual({ enabled: true });
  });

  it('states the index mode', () => {
    const settings = componentTemplates()[1]?.template.settings;
    expect(settings?.index?.mode).toBe('standard');
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
