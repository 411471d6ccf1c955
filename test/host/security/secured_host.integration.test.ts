import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import type { KibanaRequest } from '@kbn/core/server';
import { FIXTURE_PASSWORD } from '../../es/security_fixtures';
import { samplePlugin } from '../fixtures/sample_plugin';
import type { KibanaHost } from '../kibana_host';
import { basicAuth, esUrl, startTestHost } from '../test_support';
import { hostApiKeys } from './security_service';

/**
 * The host's security is Elasticsearch's: these tests show that what a plugin meets through the
 * host (who a caller is, what Kibana's own user may do, API keys granted on a caller's behalf) is
 * decided by the secured node, with its own words.
 */
describe('the host on a secured Elasticsearch', () => {
  let host: KibanaHost;
  const admin = new Client({ node: esUrl() });
  const stream = `logs-host_security_${randomUUID().slice(0, 8)}-default`;
  const writerDescriptors = {
    writer: {
      indices: [{ names: ['logs-host_security_*'], privileges: ['create_doc', 'auto_configure'] }],
    },
  };

  beforeAll(async () => {
    host = await startTestHost({ plugins: [samplePlugin] });
  });

  afterAll(async () => {
    await host.stop();
    await admin.close();
  });

  const requestWith = (authorization?: string) =>
    ({ headers: authorization ? { authorization } : {} }) as unknown as KibanaRequest;

  const document = () => ({ '@timestamp': new Date().toISOString(), message: 'hello' });

  it('answers a request with a wrong password with Elasticsearch’s own 401', async () => {
    const response = await fetch(`${host.url}/internal/sample/items/1`, {
      headers: {
        authorization: basicAuth('soc_analyst', 'not-the-password'),
        'x-elastic-internal-origin': 'Kibana',
      },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain('unable to authenticate user [soc_analyst] for REST request');
  });

  it('sends a scoped client without credentials to Elasticsearch, which refuses it with 401', async () => {
    const scoped = host.elasticsearch.clusterClient().asScoped(requestWith()).asCurrentUser;
    await expect(scoped.security.authenticate()).rejects.toMatchObject({
      meta: { statusCode: 401 },
      message: expect.stringContaining('missing authentication credentials'),
    });
  });

  it('runs Kibana’s internal user as kibana_system: Elasticsearch refuses its writes to logs-*', async () => {
    const internal = host.elasticsearch.clusterClient().asInternalUser;
    const whoami = await internal.security.authenticate();
    expect(whoami.roles).toEqual(['kibana_system']);
    await expect(internal.index({ index: stream, document: document() })).rejects.toMatchObject({
      meta: { statusCode: 403 },
      message: expect.stringContaining('with effective roles [kibana_system]'),
    });
  });

  describe('grantAsInternalUser, as Kibana grants', () => {
    const apiKeys = () => hostApiKeys(host.elasticsearch.internalClient);

    async function ownerOf(id: string) {
      const { api_keys } = await admin.security.getApiKey({ id });
      return api_keys[0]!.username;
    }

    it('grants from Basic credentials with the password grant, for that user', async () => {
      const granted = await apiKeys().grantAsInternalUser(
        requestWith(basicAuth('mail_admin', FIXTURE_PASSWORD)),
        { name: 'basic', role_descriptors: writerDescriptors }
      );
      expect(await ownerOf(granted!.id)).toBe('mail_admin');
    });

    it('grants from a Bearer token (a SAML or OIDC session) with the access-token grant', async () => {
      const token = await admin.security.getToken({
        grant_type: 'password',
        username: 'mail_admin',
        password: FIXTURE_PASSWORD,
      });
      const granted = await apiKeys().grantAsInternalUser(
        requestWith(`Bearer ${token.access_token}`),
        { name: 'bearer', role_descriptors: writerDescriptors }
      );
      expect(await ownerOf(granted!.id)).toBe('mail_admin');
    });

    it('refuses an ApiKey caller and a request without credentials, in Kibana’s words', async () => {
      await expect(
        apiKeys().grantAsInternalUser(requestWith('ApiKey abc'), {
          name: 'x',
          role_descriptors: {},
        })
      ).rejects.toThrow('Unsupported scheme "ApiKey" for granting API Key');
      await expect(
        apiKeys().grantAsInternalUser(requestWith(), { name: 'x', role_descriptors: {} })
      ).rejects.toThrow(
        'Unable to grant an API Key, request does not contain an authorization header'
      );
    });

    it('gets keys that never exceed their owner, enforced by Elasticsearch', async () => {
      // soc_analyst may only read our data streams; the key's descriptors ask for more.
      const granted = await apiKeys().grantAsInternalUser(
        requestWith(basicAuth('soc_analyst', FIXTURE_PASSWORD)),
        { name: 'over-reaching', role_descriptors: writerDescriptors }
      );
      const encoded = Buffer.from(`${granted!.id}:${granted!.api_key}`).toString('base64');
      const asKey = host.elasticsearch.asCaller(`ApiKey ${encoded}`);
      await expect(asKey.index({ index: stream, document: document() })).rejects.toMatchObject({
        meta: { statusCode: 403 },
        message: expect.stringContaining(`API key id [${granted!.id}] of user [soc_analyst]`),
      });
      await apiKeys().invalidateAsInternalUser({ ids: [granted!.id] });
      await expect(asKey.security.authenticate()).rejects.toMatchObject({
        meta: { statusCode: 401 },
      });
    });
  });

  it('says API keys are enabled, as Kibana asks Elasticsearch', async () => {
    expect(await hostApiKeys(host.elasticsearch.internalClient).areAPIKeysEnabled()).toBe(true);
  });
});
