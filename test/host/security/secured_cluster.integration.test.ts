import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import type { KibanaRequest } from '@kbn/core/server';
import type { SecurityPluginStart } from '@kbn/security-plugin/server';
import type { KibanaHost } from '../kibana_host';
import { esUrl, startTestHost } from '../test_support';
import { BUILTIN_LOGS_TEMPLATE } from '../elasticsearch/builtin_logs_template';
import { hostSecurityStart } from './security_plugin';
import { bindUser } from './request_users';
import { findUser } from './users';

describe('the host as a secured cluster', () => {
  let host: KibanaHost;
  let security: SecurityPluginStart;
  const es = new Client({ node: esUrl() });
  const dataset = `host_sec_${randomUUID().slice(0, 8)}`;
  const stream = `logs-${dataset}-default`;

  beforeAll(async () => {
    host = await startTestHost({ plugins: [], security: true });
    security = hostSecurityStart(host.apiKeys!);
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  function requestOf(username: string) {
    const request = { headers: {} } as KibanaRequest;
    bindUser(request, findUser(username)!);
    return request;
  }

  async function grantWriter(privileges = ['create_doc', 'auto_configure'], expiration?: string) {
    const key = await security.authc.apiKeys.grantAsInternalUser(requestOf('mail_admin'), {
      name: 'writer',
      expiration,
      role_descriptors: { writer: { indices: [{ names: [`logs-${dataset}-*`], privileges }] } },
    });
    const encoded = Buffer.from(`${key!.id}:${key!.api_key}`).toString('base64');
    const client = host.elasticsearch
      .clusterClient()
      .asScoped({ headers: { authorization: `ApiKey ${encoded}` } }).asCurrentUser;
    return { id: key!.id, client };
  }

  const document = () => ({ '@timestamp': new Date().toISOString(), message: 'hello' });

  it('has the built-in logs template at priority 100 before plugins start', async () => {
    const { index_templates } = await es.indices.getIndexTemplate({ name: BUILTIN_LOGS_TEMPLATE });
    expect(index_templates[0]!.index_template.priority).toBe(100);
    expect(index_templates[0]!.index_template.index_patterns).toEqual(['logs-*-*']);
  });

  it("refuses the internal user's writes to logs-* item by item, as for kibana_system", async () => {
    const internal = host.elasticsearch.clusterClient().asInternalUser;
    const response = await internal.bulk({
      operations: [{ create: { _index: stream } }, document()],
    });
    expect(response.errors).toBe(true);
    expect(response.items[0]!.create!.status).toBe(403);
    expect(response.items[0]!.create!.error!.reason).toContain('user [kibana_system]');
    await expect(internal.index({ index: stream, document: document() })).rejects.toMatchObject({
      meta: { statusCode: 403 },
    });
    // Templates are the internal user's to manage.
    await expect(
      internal.indices.getIndexTemplate({ name: BUILTIN_LOGS_TEMPLATE })
    ).resolves.toBeTruthy();
  });

  it('lets an API key do what its role descriptors grant and nothing else', async () => {
    const { id, client } = await grantWriter();
    const written = await client.bulk({
      refresh: true,
      operations: [
        { create: { _index: stream } },
        document(),
        { create: { _index: `logs-other_${dataset}-default` } },
        document(),
      ],
    });
    expect(written.items.map((item) => item.create!.status)).toEqual([201, 403]);
    expect(written.items[1]!.create!.error!.reason).toContain(
      `API key id [${id}] of user [mail_admin]`
    );
    const stored = await es.count({ index: stream });
    expect(stored.count).toBe(1);
    await expect(client.search({ index: stream })).rejects.toMatchObject({
      meta: { statusCode: 403 },
    });
    await expect(
      client.indices.putIndexTemplate({ name: 'x', index_patterns: ['x-*'] })
    ).rejects.toMatchObject({
      meta: { statusCode: 403 },
    });
  });

  it('needs auto_configure to create the data stream with the first write', async () => {
    const { client } = await grantWriter(['create_doc']);
    const fresh = `logs-${dataset}-fresh`;
    const refused = await client.bulk({ operations: [{ create: { _index: fresh } }, document()] });
    expect(refused.items[0]!.create!.status).toBe(403);
    expect(refused.items[0]!.create!.error!.reason).toContain('indices:admin/auto_create');
    expect(await es.indices.exists({ index: fresh })).toBe(false);
  });

  it('answers 401 once the key is invalidated or expired', async () => {
    const { id, client } = await grantWriter();
    await security.authc.apiKeys.invalidateAsInternalUser({ ids: [id] });
    await expect(
      client.bulk({ operations: [{ create: { _index: stream } }, document()] })
    ).rejects.toMatchObject({
      meta: { statusCode: 401 },
    });
    const expiring = await grantWriter(undefined, '1s');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(
      expiring.client.bulk({ operations: [{ create: { _index: stream } }, document()] })
    ).rejects.toMatchObject({ meta: { statusCode: 401 } });
  });

  it('grants only for a request that carries a user', async () => {
    await expect(
      security.authc.apiKeys.grantAsInternalUser({ headers: {} } as KibanaRequest, {
        name: 'x',
        role_descriptors: {},
      })
    ).rejects.toThrow('does not contain an authorization header');
  });
});
