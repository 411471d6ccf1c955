import type { TemplateClient } from './templates';
import { NamespaceTemplates } from './namespace_templates';

/** Just the index-template calls; what Elasticsearch does with them is the integration tests'. */
function fakeClient(failFirstPut: boolean) {
  const calls: string[] = [];
  let failing = failFirstPut;
  const notFound = Object.assign(new Error('not found'), { meta: { statusCode: 404 } });
  const indices = {
    getIndexTemplate: async ({ name }: { name: string }) => {
      calls.push(`get ${name}`);
      throw notFound;
    },
    putIndexTemplate: async ({ name }: { name: string }) => {
      calls.push(`put ${name}`);
      if (failing) {
        failing = false;
        throw new Error('cluster unavailable');
      }
      return { acknowledged: true };
    },
    rollover: async ({ alias }: { alias: string }) => {
      calls.push(`rollover ${alias}`);
      throw notFound;
    },
  };
  return { client: { indices, cluster: {} } as unknown as TemplateClient, calls };
}

describe('NamespaceTemplates', () => {
  it('installs a namespace’s template once, whoever asks and however often', async () => {
    const { client, calls } = fakeClient(false);
    const templates = new NamespaceTemplates(client, { dataset: 'ds.log' });
    await Promise.all([templates.ensure('default'), templates.ensure('default')]);
    await templates.ensure('default');
    await templates.ensure('eu');
    expect(calls).toEqual([
      'get exchange_message_trace@logs-ds.log-default',
      'put exchange_message_trace@logs-ds.log-default',
      'rollover logs-ds.log-default',
      'get exchange_message_trace@logs-ds.log-eu',
      'put exchange_message_trace@logs-ds.log-eu',
      'rollover logs-ds.log-eu',
    ]);
  });

  it('tries again at the next write after a failure', async () => {
    const { client, calls } = fakeClient(true);
    const templates = new NamespaceTemplates(client, { dataset: 'ds.log' });
    await expect(templates.ensure('default')).rejects.toThrow('cluster unavailable');
    await templates.ensure('default');
    expect(calls.filter((call) => call.startsWith('put'))).toHaveLength(2);
    expect(calls.at(-1)).toBe('rollover logs-ds.log-default');
  });
});
