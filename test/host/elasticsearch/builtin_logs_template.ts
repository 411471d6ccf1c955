import type { Client } from '@elastic/elasticsearch';

export const BUILTIN_LOGS_TEMPLATE = 'logs';

/**
 * A stand-in for the `logs` index template every real Elasticsearch 9.x installs (the stack
 * templates plugin, absent from the integration-test distribution): priority 100 over `logs-*-*`,
 * logsdb index mode and mappings of its own. A plugin's template must win over it.
 */
export async function installBuiltinLogsTemplate(client: Client) {
  // Test hosts start side by side on one node; the first one puts it, as Elasticsearch does once.
  if (await client.indices.existsIndexTemplate({ name: BUILTIN_LOGS_TEMPLATE })) return;
  await client.indices.putIndexTemplate({
    name: BUILTIN_LOGS_TEMPLATE,
    index_patterns: ['logs-*-*'],
    priority: 100,
    data_stream: { hidden: false, allow_custom_routing: false },
    allow_auto_create: true,
    template: {
      settings: { index: { mode: 'logsdb', codec: 'best_compression' } },
      mappings: {
        date_detection: false,
        properties: {
          '@timestamp': { type: 'date' },
          message: { type: 'text' },
          // constant_keyword in the real template; that mapper is a module the test node lacks.
          data_stream: {
            properties: {
              type: { type: 'keyword' },
              dataset: { type: 'keyword' },
              namespace: { type: 'keyword' },
            },
          },
        },
      },
    },
    _meta: { description: 'Stand-in for the built-in logs template', managed: true },
  });
}
