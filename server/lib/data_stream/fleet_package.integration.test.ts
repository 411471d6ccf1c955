import { Client } from '@elastic/elasticsearch';
import { STATUS_API_PATH } from '../../../common/constants';
import type { FleetPackage } from '../../../common/http_api/status';
import { FIXTURE_PASSWORD } from '../../../test/es/security_fixtures';
import {
  fleetStandIn,
  installFleetStandIn,
  removeFleetStandIn,
} from '../../../test/es/fleet_package_stand_in';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import { callRoute, startTestHost } from '../../../test/host/test_support';
import { detectFleetPackage } from './fleet_package';
import { NamespaceTemplates } from './namespace_templates';
import { installTemplates } from './templates';

/** Detection on the real node, with the package's stand-in for a dataset of this run. */
const url = process.env.ES_URL;
if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
const client = new Client({ node: url });
const run = Date.now().toString(36);

afterAll(async () => {
  await client.close();
});

describe('detectFleetPackage', () => {
  it('finds nothing where the integration was never installed', async () => {
    expect(await detectFleetPackage(client, `emtnofleet${run}.log`)).toEqual({ state: 'absent' });
  });

  it('lists its templates and pipelines, our namespaces, and the namespace both have; the status route says the same', async () => {
    const standIn = fleetStandIn(`emtdetect${run}.log`);
    const { dataset } = standIn;
    await installFleetStandIn(client, standIn);
    try {
      await installTemplates(client, { dataset });
      const namespaces = new NamespaceTemplates(client, { dataset });
      await namespaces.ensure('default');
      await namespaces.ensure('mail');
      const expected: FleetPackage = {
        state: 'present',
        templates: [
          { name: `logs-${dataset}`, priority: 200, indexPatterns: [`logs-${dataset}-*`] },
          {
            name: `logs-${dataset}@namespace.agents`,
            priority: 250,
            indexPatterns: [`logs-${dataset}-agents`],
          },
          {
            name: `logs-${dataset}@namespace.default`,
            priority: 250,
            indexPatterns: [`logs-${dataset}-default`],
          },
        ],
        pipelines: [standIn.finalPipeline, standIn.defaultPipeline].sort(),
        ourPriority: 300,
        ourNamespaces: ['default', 'mail'],
        sharedNamespaces: ['default'],
      };
      expect(await detectFleetPackage(client, dataset)).toEqual(expected);

      // Through the route, as Kibana's own user (kibana_system) for a read-only user.
      const host = await startTestHost({
        plugins: [exchangeMessageTracePlugin()],
        config: { exchange_message_trace: { dataStream: { dataset } } },
      });
      try {
        const response = await callRoute(host, 'GET', STATUS_API_PATH, { user: 'soc_analyst' });
        expect(response.status).toBe(200);
        expect(response.body.fleetPackage).toEqual(expected);
      } finally {
        await host.stop();
      }
    } finally {
      await removeFleetStandIn(client, standIn);
    }
  });

  it('answers unknown, with Elasticsearch’s reason, to a user who may not read templates', async () => {
    const admin = new Client({
      node: new URL(url).origin,
      auth: { username: 'mail_admin', password: FIXTURE_PASSWORD },
    });
    try {
      const result = await detectFleetPackage(admin, `emtdetect${run}.log`);
      expect(result).toEqual({ state: 'unknown', reason: expect.any(String) });
      expect(result.state === 'unknown' && result.reason).toContain(
        'action [indices:admin/index_template/get] is unauthorized for user [mail_admin]'
      );
    } finally {
      await admin.close();
    }
  });
});
