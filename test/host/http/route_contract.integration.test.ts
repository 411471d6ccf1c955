import type { KibanaHost } from '../kibana_host';
import { samplePlugin } from '../fixtures/sample_plugin';
import { Client } from '@elastic/elasticsearch';
import { FIXTURE_PASSWORD, KIBANA_APPLICATION } from '../../es/security_fixtures';
import { callRoute, esUrl, startTestHost } from '../test_support';

/** Users of the sample feature, made through Elasticsearch's security API as for our own. */
async function createSampleUsers() {
  const admin = new Client({ node: esUrl() });
  try {
    for (const privilege of ['read', 'all']) {
      await admin.security.putRole({
        name: `sample_${privilege}`,
        applications: [
          {
            application: KIBANA_APPLICATION,
            privileges: [`feature_sample.${privilege}`],
            resources: ['*'],
          },
        ],
      });
    }
    await admin.security.putUser({
      username: 'sample_reader',
      password: FIXTURE_PASSWORD,
      roles: ['sample_read'],
    });
    await admin.security.putUser({
      username: 'sample_admin',
      password: FIXTURE_PASSWORD,
      roles: ['sample_all'],
    });
  } finally {
    await admin.close();
  }
}

describe('host HTTP route contract', () => {
  let host: KibanaHost;

  beforeAll(async () => {
    await createSampleUsers();
    host = await startTestHost({ plugins: [samplePlugin] });
  });

  afterAll(async () => {
    await host.stop();
  });

  it('passes a valid body to the handler', async () => {
    const response = await callRoute(host, 'POST', '/internal/sample/echo', {
      user: 'sample_admin',
      body: { name: 'x', count: 2, extra: 'dropped by t.exact' },
    });
    expect(response).toEqual({ status: 200, body: { name: 'x', count: 2 } });
  });

  it('answers 400 with the field that failed validation', async () => {
    const response = await callRoute(host, 'POST', '/internal/sample/echo', {
      user: 'sample_admin',
      body: { name: 'x', count: 'two' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '[request body]: count: expected number, got "two"',
    });
  });

  it('answers 403 to a user without the API privilege, naming it', async () => {
    const response = await callRoute(host, 'POST', '/internal/sample/echo', {
      user: 'sample_reader',
      body: { name: 'x', count: 1 },
    });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('[manage_sample]');
    const read = await callRoute(host, 'GET', '/internal/sample/items/42', {
      user: 'sample_reader',
    });
    expect(read).toEqual({ status: 200, body: { id: '42' } });
    const none = await callRoute(host, 'GET', '/internal/sample/items/42', { user: 'no_access' });
    expect(none.status).toBe(403);
  });

  it('answers 401 without credentials and with a wrong password', async () => {
    expect((await callRoute(host, 'GET', '/internal/sample/items/1')).status).toBe(401);
    const wrong = await callRoute(host, 'GET', '/internal/sample/items/1', {
      headers: { authorization: `Basic ${Buffer.from('elastic:nope').toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('requires kbn-xsrf on writes and the internal origin header on internal routes', async () => {
    const noXsrf = await callRoute(host, 'POST', '/internal/sample/echo', {
      user: 'sample_admin',
      body: { name: 'x', count: 1 },
      headers: { 'kbn-xsrf': '' },
    });
    expect(noXsrf).toMatchObject({
      status: 400,
      body: { message: 'Request must contain a kbn-xsrf header.' },
    });
    const external = await callRoute(host, 'GET', '/internal/sample/items/1', {
      user: 'elastic',
      headers: { 'x-elastic-internal-origin': '' },
    });
    expect(external.status).toBe(400);
    expect(external.body.message).toContain('is not available with the current configuration');
  });

  it('answers 404 for unknown routes', async () => {
    expect(
      (await callRoute(host, 'GET', '/internal/sample/nothing', { user: 'elastic' })).status
    ).toBe(404);
  });
});
