import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import type { AlertingServerSetup, RuleExecutorOptions } from '@kbn/alerting-plugin/server';
import type { FeaturesPluginSetup, KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { FIXTURE_PASSWORD, KIBANA_APPLICATION } from '../../es/security_fixtures';
import type { HostedPlugin } from '../host_plugin';
import type { KibanaHost } from '../kibana_host';
import { callRoute, esUrl, startTestHost, waitFor } from '../test_support';

/**
 * The host's alerting framework end to end on the secured node: a rule type defined here runs on
 * Task Manager with its creator's API key, its alert goes new → ongoing → recovered with one
 * document per alert uuid, a webhook listener receives the rendered bodies, and a user with the
 * feature's `read` may read rules and alerts but not create rules.
 */

const suffix = randomUUID().slice(0, 8);
const FEATURE_ID = `hostAlertingTest${suffix}`;
const RULE_TYPE_ID = `host-test.lifecycle-${suffix}`;
const ALERTS_CONTEXT = 'host-test.lifecycle';
const SOURCE_INDEX = `host-alerting-source-${suffix}`;
const ALL_USER = `alerting_all_${suffix}`;
const READ_USER = `alerting_read_${suffix}`;

interface LifecycleState extends Record<string, unknown> {
  runs?: number;
  authenticatedAs?: string;
  authenticationType?: string;
}
type Params = { index: string };
type Context = { reason: string };
type AlertData = { 'kibana.alert.reason': string; host_test: { sender: string } };
type Groups = 'matched' | 'recovered';

const ruleTypes = [{ ruleTypeId: RULE_TYPE_ID, consumers: [FEATURE_ID] }];
const feature: KibanaFeatureConfig = {
  id: FEATURE_ID,
  name: 'Host alerting test',
  category: { id: 'security', label: 'Security' },
  app: [],
  alerting: ruleTypes,
  privileges: {
    all: {
      alerting: { rule: { all: ruleTypes }, alert: { all: ruleTypes } },
      api: ['rac'],
      savedObject: { all: [], read: [] },
      ui: [],
    },
    read: {
      alerting: { rule: { read: ruleTypes }, alert: { read: ruleTypes } },
      api: ['rac'],
      savedObject: { all: [], read: [] },
      ui: [],
    },
  },
};

/** Reports one alert per document of the source index; reads it with the rule's own client. */
async function executor(
  options: RuleExecutorOptions<
    Params,
    LifecycleState,
    Record<string, never>,
    Context,
    Groups,
    AlertData
  >
) {
  const { scopedClusterClient, alertsClient } = options.services;
  const who = await scopedClusterClient.asCurrentUser.security.authenticate();
  const found = await scopedClusterClient.asCurrentUser.search<{ sender: string }>({
    index: options.params.index,
    size: 100,
  });
  for (const hit of found.hits.hits) {
    const sender = hit._source!.sender;
    alertsClient!.report({
      id: sender,
      actionGroup: 'matched',
      context: { reason: `${sender} matched` },
      payload: { 'kibana.alert.reason': `${sender} matched`, host_test: { sender } },
    });
  }
  for (const { alert } of alertsClient!.getRecoveredAlerts()) {
    alert.setContext({ reason: `${alert.getId()} stopped matching` });
  }
  return {
    state: {
      runs: (options.state.runs ?? 0) + 1,
      authenticatedAs: who.username,
      authenticationType: who.authentication_type,
    },
  };
}

const lifecyclePlugin: HostedPlugin = {
  id: 'hostAlertingTest',
  configPath: 'hostAlertingTest',
  requiredPlugins: ['features'],
  optionalPlugins: ['alerting'],
  load: async () => ({
    plugin: () => ({
      setup(
        _core: unknown,
        plugins: { features: FeaturesPluginSetup; alerting: AlertingServerSetup }
      ) {
        plugins.features.registerKibanaFeature(feature);
        plugins.alerting.registerType<
          Params,
          Params,
          LifecycleState,
          Record<string, never>,
          Context,
          'matched',
          'recovered',
          AlertData
        >({
          id: RULE_TYPE_ID,
          name: 'Host lifecycle test',
          actionGroups: [{ id: 'matched', name: 'Matched' }],
          defaultActionGroupId: 'matched',
          minimumLicenseRequired: 'basic',
          isExportable: true,
          category: 'securitySolution',
          producer: FEATURE_ID,
          doesSetRecoveryContext: true,
          validate: {
            params: {
              validate: (params) => {
                if (typeof params.index !== 'string') throw new Error('[index]: expected a string');
                return { index: params.index };
              },
            },
          },
          alerts: {
            context: ALERTS_CONTEXT,
            mappings: { fieldMap: { 'host_test.sender': { type: 'keyword', required: false } } },
            shouldWrite: true,
          },
          getViewInAppRelativeUrl: ({ rule }) => `/app/hostTest/rule/${rule.id}`,
          executor,
        });
      },
      start() {},
    }),
  }),
};

describe('the host’s alerting framework', () => {
  const admin = new Client({ node: esUrl() });
  const received: unknown[] = [];
  let listener: Server;
  let host: KibanaHost;
  let connectorId: string;

  beforeAll(async () => {
    const application = (privilege: string) => [
      {
        application: KIBANA_APPLICATION,
        privileges: [`feature_${FEATURE_ID}.${privilege}`],
        resources: ['*'],
      },
    ];
    // Running a rule with actions soon also needs the actions' execute (Kibana's run_soon.ts).
    await admin.security.putRole({
      name: ALL_USER,
      indices: [{ names: [SOURCE_INDEX], privileges: ['read'] }],
      applications: [
        ...application('all'),
        { application: KIBANA_APPLICATION, privileges: ['feature_actions.read'], resources: ['*'] },
      ],
    });
    await admin.security.putRole({ name: READ_USER, applications: application('read') });
    for (const username of [ALL_USER, READ_USER]) {
      await admin.security.putUser({ username, password: FIXTURE_PASSWORD, roles: [username] });
    }
    await admin.indices.create({
      index: SOURCE_INDEX,
      mappings: { properties: { sender: { type: 'keyword' } } },
    });
    listener = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    host = await startTestHost({ plugins: [lifecyclePlugin] });
    const { port } = listener.address() as AddressInfo;
    const created = await callRoute(host, 'POST', '/api/actions/connector', {
      user: 'elastic',
      body: {
        name: 'listener',
        connector_type_id: '.webhook',
        config: {
          url: `http://127.0.0.1:${port}/hook`,
          method: 'post',
          hasAuth: false,
          authType: null,
        },
        secrets: {},
      },
    });
    expect(created.status).toBe(200);
    connectorId = created.body.id;
  });

  afterAll(async () => {
    await host?.stop();
    await new Promise((resolve) => listener?.close(resolve));
    await admin.indices.delete({ index: SOURCE_INDEX, ignore_unavailable: true });
    for (const username of [ALL_USER, READ_USER]) {
      await admin.security.deleteUser({ username }, { ignore: [404] });
      await admin.security.deleteRole({ name: username }, { ignore: [404] });
    }
    await admin.close();
  });

  const ruleBody = (overrides: Record<string, unknown> = {}) => ({
    name: 'lifecycle',
    rule_type_id: RULE_TYPE_ID,
    consumer: FEATURE_ID,
    schedule: { interval: '1h' },
    params: { index: SOURCE_INDEX },
    actions: [
      {
        group: 'matched',
        id: connectorId,
        params: {
          body: '{"alert":"{{alert.id}}","reason":"{{context.reason}}","url":"{{rule.url}}"}',
        },
        frequency: { summary: false, notify_when: 'onActionGroupChange', throttle: null },
      },
      {
        group: 'recovered',
        id: connectorId,
        params: { body: '{"recovered":"{{alert.id}}","reason":"{{context.reason}}"}' },
        frequency: { summary: false, notify_when: 'onActionGroupChange', throttle: null },
      },
    ],
    ...overrides,
  });

  const runs = async (ruleId: string) =>
    ((await host.taskManagerStart().get(ruleId)).state.alertTypeState as LifecycleState).runs ?? 0;

  async function runAgain(ruleId: string) {
    const before = await runs(ruleId);
    const soon = await callRoute(host, 'POST', `/internal/alerting/rule/${ruleId}/_run_soon`, {
      user: ALL_USER,
    });
    expect(soon.status).toBe(204);
    await waitFor(async () => (await runs(ruleId)) > before, { what: 'the next run' });
  }

  const alertDocuments = async (ruleId: string, user = ALL_USER) => {
    const found = await callRoute(host, 'POST', '/internal/rac/alerts/find', {
      user,
      body: { query: { term: { 'kibana.alert.rule.uuid': ruleId } }, size: 100 },
    });
    expect(found.status).toBe(200);
    return (found.body.hits.hits as Array<{ _id: string; _source: Record<string, unknown> }>).map(
      (hit): Record<string, unknown> => ({ id: hit._id, ...hit._source })
    );
  };

  it('runs a rule new → ongoing → recovered with one document per alert and the webhook told twice', async () => {
    await admin.index({
      index: SOURCE_INDEX,
      id: 'spray',
      document: { sender: 'spray@example.test' },
      refresh: true,
    });
    const created = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: ALL_USER,
      body: ruleBody(),
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      api_key_owner: ALL_USER,
      created_by: ALL_USER,
      revision: 0,
    });
    const ruleId = created.body.id as string;
    await waitFor(async () => (await runs(ruleId)) === 1, { what: 'the first run' });

    const task = await host.taskManagerStart().get(ruleId);
    expect(task.taskType).toBe(`alerting:${RULE_TYPE_ID}`);
    expect(task.state.alertTypeState).toMatchObject({
      authenticatedAs: ALL_USER,
      authenticationType: 'api_key',
    });
    const [opened, ...others] = await alertDocuments(ruleId);
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      'kibana.alert.status': 'active',
      'event.action': 'open',
      'kibana.alert.instance.id': 'spray@example.test',
      'kibana.alert.reason': 'spray@example.test matched',
      'kibana.alert.rule.rule_type_id': RULE_TYPE_ID,
      'kibana.alert.rule.consumer': FEATURE_ID,
      'kibana.alert.rule.category': 'Host lifecycle test',
      'host_test.sender': 'spray@example.test',
    });
    expect(opened!.id).toBe(opened!['kibana.alert.uuid']);
    await waitFor(() => received.length === 1 || undefined, { what: 'the webhook' });
    expect(received[0]).toEqual({
      alert: 'spray@example.test',
      reason: 'spray@example.test matched',
      url: `${host.url}/app/hostTest/rule/${ruleId}`,
    });

    await runAgain(ruleId);
    const [ongoing, ...moreOngoing] = await alertDocuments(ruleId);
    expect(moreOngoing).toEqual([]);
    expect(ongoing).toMatchObject({
      id: opened!.id,
      'kibana.alert.status': 'active',
      'event.action': 'active',
      'kibana.alert.start': opened!['kibana.alert.start'],
    });
    expect(received).toHaveLength(1);

    await admin.delete({ index: SOURCE_INDEX, id: 'spray', refresh: true });
    await runAgain(ruleId);
    const [recovered, ...moreRecovered] = await alertDocuments(ruleId);
    expect(moreRecovered).toEqual([]);
    expect(recovered).toMatchObject({
      id: opened!.id,
      'kibana.alert.status': 'recovered',
      'event.action': 'close',
      'kibana.alert.action_group': 'recovered',
    });
    await waitFor(() => received.length === 2 || undefined, { what: 'the recovery webhook' });
    expect(received[1]).toEqual({
      recovered: 'spray@example.test',
      reason: 'spray@example.test stopped matching',
    });
  });

  it('refuses params the rule type refuses, and actions without a frequency', async () => {
    const badParams = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: ALL_USER,
      body: ruleBody({ params: { index: 7 } }),
    });
    expect(badParams).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'params invalid: [index]: expected a string',
      },
    });
    const body = ruleBody();
    const withoutFrequency = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: ALL_USER,
      body: { ...body, actions: [{ group: 'matched', id: connectorId, params: {} }] },
    });
    expect(withoutFrequency.status).toBe(400);
    expect(withoutFrequency.body.message).toBe(
      'Failed to validate actions due to the following error: Actions missing frequency parameters: matched'
    );
  });

  it('lets a read user find rules and read alerts, but not create rules', async () => {
    const created = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: ALL_USER,
      body: ruleBody({ name: 'for readers', actions: [] }),
    });
    expect(created.status).toBe(200);
    const refused = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: READ_USER,
      body: ruleBody({ actions: [] }),
    });
    expect(refused).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: `Unauthorized by "${FEATURE_ID}" to create "${RULE_TYPE_ID}" rule`,
      },
    });
    const read = await callRoute(host, 'GET', `/api/alerting/rule/${created.body.id}`, {
      user: READ_USER,
    });
    expect(read.status).toBe(200);
    const found = await callRoute(host, 'GET', '/api/alerting/rules/_find?per_page=100', {
      user: READ_USER,
    });
    expect(found.body.data.map((rule: { id: string }) => rule.id)).toContain(created.body.id);
    const alerts = await callRoute(host, 'POST', '/internal/rac/alerts/find', {
      user: READ_USER,
      body: { size: 0 },
    });
    expect(alerts.status).toBe(200);
    const deleted = await callRoute(host, 'DELETE', `/api/alerting/rule/${created.body.id}`, {
      user: READ_USER,
    });
    expect(deleted.status).toBe(403);
  });

  it('invalidates the rule’s API key when the rule is deleted', async () => {
    const created = await callRoute(host, 'POST', '/api/alerting/rule', {
      user: ALL_USER,
      body: ruleBody({ name: 'short lived', actions: [] }),
    });
    const keys = await admin.security.getApiKey({ name: `Alerting: ${RULE_TYPE_ID}/short lived` });
    const key = keys.api_keys.find(
      (candidate) => candidate.name === `Alerting: ${RULE_TYPE_ID}/short lived`
    );
    expect(key).toMatchObject({ invalidated: false });
    const deleted = await callRoute(host, 'DELETE', `/api/alerting/rule/${created.body.id}`, {
      user: ALL_USER,
    });
    expect(deleted.status).toBe(204);
    const after = await admin.security.getApiKey({ id: key!.id });
    expect(after.api_keys[0]).toMatchObject({ invalidated: true });
  });
});
