import {
  KNOWN_SENDERS_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { CHAOS_CLIENT_ID, CHAOS_SECRET, tenantIdFor } from '../../../test/collector/chaos_tenant';
import type { ExplicitRow, GraphEmulator } from '../../../test/graph_emulator';
import {
  collectedConnection,
  connectionRequest,
  startEmulatedGraphHost,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, waitFor } from '../../../test/host/test_support';
import { collectViewsTenant, type ViewsTenant } from '../../../test/host/views_tenant';
import {
  alertDocuments,
  createRule,
  createWebhookConnector,
  firstRun,
  runAgain,
  startWebhookListener,
  webhookAction,
} from '../../../test/alerting/rule_harness';

const HOUR = 3_600_000;
const RULE_TYPE_ID = 'exchangeMessageTrace.suspiciousSender';

/**
 * A second tenant's mail, as an MSSP collects it beside the first: a bulk sender all filtered as
 * spam, and all quarantined mail from `c0ntoso.com`, which imitates the first tenant's domain
 * (contoso.com) but nothing of this one's.
 */
function northwindRows(startMs: number): ExplicitRow[] {
  const at = (minute: number) => new Date(startMs + minute * 60_000).toISOString();
  return [
    ...Array.from({ length: 25 }, (_, index) => ({
      id: `northwind-bulk-${index}`,
      receivedDateTime: at(index),
      senderAddress: 'blast@bulk-mailer.example',
      recipientAddress: `user${index}@northwind.example`,
      fromIP: '198.51.100.90',
      status: 'filteredAsSpam' as const,
    })),
    ...Array.from({ length: 4 }, (_, index) => ({
      id: `northwind-accounts-${index}`,
      receivedDateTime: at(30 + index),
      senderAddress: 'accounts@c0ntoso.com',
      recipientAddress: `finance${index}@northwind.example`,
      fromIP: '203.0.113.77',
      status: 'quarantined' as const,
    })),
  ];
}

/**
 * The suspicious-sender rule on the synthetic tenant our plugin collected, run by the host's
 * alerting framework with the API key of the user who made it: the planted spray sender is one
 * alert through three runs, the webhook is told its reasons once, and marking it known-good
 * recovers it.
 */
describe('the suspicious-sender rule over the collected synthetic tenant', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let listener: Awaited<ReturnType<typeof startWebhookListener>>;
  let connectorId: string;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    tenant = await collectViewsTenant(host, emulator, { seed: 9514 });
    listener = await startWebhookListener();
    connectorId = await createWebhookConnector(host, listener.url);
  }, 240_000);

  afterAll(async () => {
    await host?.stop();
    await emulator?.stop();
    await listener?.close();
  });

  it('raises one alert for the spray sender across three runs, and recovers it once known-good', async () => {
    // The window reaches back over the period the planted senders mail in (see storyAnchor).
    const windowHours = Math.ceil((Date.now() - tenant.anchorMs) / HOUR) + 72;
    const spray = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spray')!.senderAddress;
    const page = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: {
        start: new Date(Date.now() - windowHours * HOUR).toISOString(),
        end: new Date().toISOString(),
        namespaces: [tenant.connection.settings.namespace],
      },
    });
    const onPage = (page.body as SuspiciousSendersResponse).senders.find(
      (s) => s.sender === spray
    )!;
    expect(onPage.reasons.map((reason) => reason.code)).toContain('manyRecipients');

    const created = await createRule(host, 'mail_admin', {
      name: 'Suspicious senders',
      rule_type_id: RULE_TYPE_ID,
      params: {
        threshold: onPage.score,
        windowHours,
        groupBy: 'sender',
        namespaces: [tenant.connection.settings.namespace],
      },
      actions: [
        webhookAction(
          connectorId,
          'suspiciousSender',
          '{"sender":"{{context.sender}}","score":{{context.score}},"reasons":"{{context.reasonsText}}","link":"{{kibanaBaseUrl}}{{context.viewPath}}"}'
        ),
        webhookAction(
          connectorId,
          'recovered',
          '{"recovered":"{{alert.id}}","why":"{{context.recovery}}"}'
        ),
      ],
    });
    expect(created.status).toBe(200);
    const ruleId = created.body.id as string;
    await firstRun(host, ruleId);
    await runAgain(host, ruleId);
    await runAgain(host, ruleId);

    const sprayAlerts = (await alertDocuments(host, ruleId)).filter(
      (alert) => alert['kibana.alert.instance.id'] === spray
    );
    expect(sprayAlerts).toHaveLength(1);
    expect(sprayAlerts[0]).toMatchObject({
      'kibana.alert.status': 'active',
      'kibana.alert.rule.producer': 'exchangeMessageTrace',
      'exchange_message_trace.alert.sender': spray,
      'exchange_message_trace.alert.reasons': expect.arrayContaining(['manyRecipients']),
    });
    const told = listener.received.filter((body) => body.sender === spray);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      score: expect.any(Number),
      reasons: expect.stringMatching(/(^|\n)- Sent to \d+ different recipients/),
      link: expect.stringContaining(`/app/exchangeMessageTrace/messages?`),
    });

    const marked = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'mail_admin',
      body: { sender: spray, note: 'Our bulk mailer, confirmed with marketing' },
    });
    expect(marked.status).toBe(200);
    await runAgain(host, ruleId);
    const [recovered, ...others] = (await alertDocuments(host, ruleId)).filter(
      (alert) => alert['kibana.alert.instance.id'] === spray
    );
    expect(others).toEqual([]);
    expect(recovered).toMatchObject({
      id: sprayAlerts[0]!.id,
      'kibana.alert.status': 'recovered',
    });
    await waitFor(() => listener.received.find((body) => body.recovered === spray) ?? undefined, {
      what: 'the recovery webhook',
    });
    expect(listener.received.find((body) => body.recovered === spray)).toEqual({
      recovered: spray,
      why: 'marked known-good',
    });
  }, 240_000);

  it('lets a read-only user see the alerts but not create a rule', async () => {
    const refused = await createRule(host, 'soc_analyst', {
      name: 'Not allowed',
      rule_type_id: RULE_TYPE_ID,
      params: { threshold: 40, windowHours: 24, groupBy: 'sender' },
    });
    expect(refused).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: `Unauthorized by "exchangeMessageTrace" to create "${RULE_TYPE_ID}" rule`,
      },
    });
    const { body } = await callRoute(host, 'GET', '/api/alerting/rules/_find?per_page=100', {
      user: 'soc_analyst',
    });
    const [ruleId] = (body.data as Array<{ id: string; rule_type_id: string }>)
      .filter((rule) => rule.rule_type_id === RULE_TYPE_ID)
      .map((rule) => rule.id);
    expect((await alertDocuments(host, ruleId!, 'soc_analyst')).length).toBeGreaterThan(0);
  });

  it('refuses params the codec refuses, naming the field', async () => {
    const refused = await createRule(host, 'mail_admin', {
      name: 'Bad',
      rule_type_id: RULE_TYPE_ID,
      params: { threshold: 0, windowHours: 24, groupBy: 'sender' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      'params invalid: threshold: must be a whole number from 1 to 190'
    );
  });

  it('limits a rule to one connection of a shared namespace: its senders, judged by its own domains', async () => {
    const namespace = tenant.connection.settings.namespace;
    const rows = northwindRows(Date.now() - 3 * HOUR);
    const northwindTenantId = tenantIdFor(9517);
    emulator.addTenant({
      tenantId: northwindTenantId,
      domains: ['northwind.example'],
      apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: CHAOS_SECRET }] }],
      rows,
    });
    const { connection: northwind } = await collectedConnection(
      host,
      connectionRequest(northwindTenantId, {
        name: 'Northwind',
        localDomains: ['northwind.example'],
        lookbackDays: 1,
        namespace,
      })
    );

    const windowHours = Math.ceil((Date.now() - tenant.anchorMs) / HOUR) + 72;
    const rule = (name: string, connectionId: string) =>
      createRule(host, 'mail_admin', {
        name,
        rule_type_id: RULE_TYPE_ID,
        params: {
          threshold: 1,
          windowHours,
          groupBy: 'sender',
          namespaces: [namespace],
          connectionIds: [connectionId],
        },
      });
    const [ofNorthwind, ofContoso] = await Promise.all([
      rule('Northwind senders', northwind.id),
      rule('Contoso senders', tenant.connection.id),
    ]);
    await Promise.all([firstRun(host, ofNorthwind.body.id), firstRun(host, ofContoso.body.id)]);
    const northwindAlerts = await alertDocuments(host, ofNorthwind.body.id);
    const contosoAlerts = await alertDocuments(host, ofContoso.body.id);
    const senderOf = (alert: Record<string, unknown>) => alert['kibana.alert.instance.id'];

    // Every external sender of the tenant's own rows, and nothing of the other tenant's.
    expect(northwindAlerts.map(senderOf).sort()).toEqual(
      [...new Set(rows.map((row) => row.senderAddress))].sort()
    );
    const lookalikeHere = northwindAlerts.find((a) => senderOf(a) === 'accounts@c0ntoso.com')!;
    expect(lookalikeHere).toMatchObject({
      'exchange_message_trace.alert.connection_id': northwind.id,
      'exchange_message_trace.alert.connection_name': 'Northwind',
      'kibana.alert.reason': expect.stringMatching(
        /^accounts@c0ntoso\.com scored \d+ \(threshold 1\) in Northwind: /
      ),
    });
    // contoso.com is the other tenant's domain: to Northwind, c0ntoso.com imitates nothing.
    expect(lookalikeHere['exchange_message_trace.alert.reasons']).not.toContain('lookalikeDomain');

    // The first tenant's planted lookalike, judged by its own domains; the bulk sender is not its.
    const lookalikeThere = contosoAlerts.find((a) => senderOf(a) === 'accounts@c0ntoso.com');
    expect(lookalikeThere?.['exchange_message_trace.alert.reasons']).toContain('lookalikeDomain');
    expect(contosoAlerts.map(senderOf)).not.toContain('blast@bulk-mailer.example');
  }, 240_000);
});
