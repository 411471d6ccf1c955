import type { ConnectionView } from '../../../common/http_api/connections';
import type { GraphEmulator } from '../../../test/graph_emulator';
import { addSettledTenant } from '../../../test/collector/chaos_tenant';
import {
  collectedConnection,
  connectionRequest,
  createConnection,
  startCollectedTenant,
  viewOf,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { waitFor } from '../../../test/host/test_support';
import type { CollectTaskState } from '../../tasks/collect_task_state';
import {
  alertDocuments,
  createRule,
  firstRun,
  type AlertDocument,
} from '../../../test/alerting/rule_harness';

const DAY = 86_400_000;

const activeOf = (alerts: AlertDocument[]) =>
  alerts
    .filter((alert) => alert['kibana.alert.status'] === 'active')
    .map((alert) => alert['kibana.alert.instance.id'])
    .sort();

/**
 * The collection-health and delivery-failure rules over a tenant our plugin collected: each
 * run by the host's alerting framework with the API key of `mail_admin`, who made it.
 */
describe('the collection-health and delivery-failure rules', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenantId: string;
  let healthy: ConnectionView;
  /** Where the collector started reading: nothing before it is stored. */
  let collectedFromMs: number;

  beforeAll(async () => {
    let collectedRun: Awaited<ReturnType<typeof startCollectedTenant>>['firstRun'];
    ({
      host,
      emulator,
      tenantId,
      connection: healthy,
      firstRun: collectedRun,
    } = await startCollectedTenant(9515, 400));
    collectedFromMs = (collectedRun.state as CollectTaskState).checkpoint!.backfillStart;
  }, 120_000);

  afterAll(async () => {
    await host?.stop();
    await emulator?.stop();
  });

  it('raises one alert per connection and problem: a wrong secret, a secret expiring in ten days', async () => {
    const wrongSecret = await createConnection(
      host,
      connectionRequest(tenantId, { name: 'Wrong secret', clientSecret: 'not-the-secret-value' })
    );
    const expiring = await createConnection(
      host,
      connectionRequest(tenantId, {
        name: 'Expiring secret',
        credentialExpiresAt: new Date(Date.now() + 10 * DAY).toISOString(),
      })
    );
    await waitFor(
      async () => (await viewOf(host, wrongSecret.id)).status.lastError?.kind === 'authentication',
      { timeoutMs: 45_000, what: 'the wrong secret’s refused sign-in' }
    );
    const created = await createRule(host, 'mail_admin', {
      name: 'Collection health',
      rule_type_id: 'exchangeMessageTrace.collectionHealth',
      params: { throttledMinutes: 60, lagMinutes: 7 * 24 * 60, expiryDays: 14 },
    });
    expect(created.status).toBe(200);
    await firstRun(host, created.body.id);
    const alerts = await alertDocuments(host, created.body.id);
    expect(activeOf(alerts)).toEqual(
      [`${wrongSecret.id}:signInRefused`, `${expiring.id}:credentialExpiring`].sort()
    );
    expect(
      alerts.find(
        (alert) => alert['kibana.alert.instance.id'] === `${wrongSecret.id}:signInRefused`
      )
    ).toMatchObject({
      'exchange_message_trace.alert.connection_name': 'Wrong secret',
      'exchange_message_trace.alert.problem': 'signInRefused',
      'kibana.alert.reason': expect.stringContaining("Microsoft refused the app's sign-in"),
    });
    expect(activeOf(alerts).some((id) => String(id).startsWith(healthy.id))).toBe(false);

    const limited = await createRule(host, 'mail_admin', {
      name: 'Collection health of one connection',
      rule_type_id: 'exchangeMessageTrace.collectionHealth',
      params: {
        throttledMinutes: 60,
        lagMinutes: 7 * 24 * 60,
        expiryDays: 14,
        connectionIds: [expiring.id],
      },
    });
    expect(limited.status).toBe(200);
    await firstRun(host, limited.body.id);
    expect(activeOf(await alertDocuments(host, limited.body.id))).toEqual([
      `${expiring.id}:credentialExpiring`,
    ]);
  }, 120_000);

  it('raises a delivery-failure alert at the threshold the emulator’s failed rows reach, not above', async () => {
    const { status } = await viewOf(host, healthy.id);
    const failedRows = emulator
      .truthObservations(tenantId, {
        start: collectedFromMs,
        end: Date.parse(status.collectedUntil!),
        at: Date.now(),
      })
      .filter((row) => row.status === 'failed').length;
    expect(failedRows).toBeGreaterThan(0);
    const rule = (threshold: number) =>
      createRule(host, 'mail_admin', {
        name: `Failures over ${threshold}`,
        rule_type_id: 'exchangeMessageTrace.deliveryFailures',
        params: {
          statuses: ['failed'],
          thresholdType: 'count',
          threshold,
          groupBy: 'all',
          windowMinutes: 3 * 24 * 60,
          minMessages: 1,
          namespaces: [healthy.settings.namespace],
        },
      });
    const [atThreshold, above] = await Promise.all([rule(failedRows), rule(failedRows + 1)]);
    await Promise.all([firstRun(host, atThreshold.body.id), firstRun(host, above.body.id)]);
    const [alert, ...others] = await alertDocuments(host, atThreshold.body.id);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      'kibana.alert.instance.id': 'all',
      'kibana.alert.status': 'active',
      'exchange_message_trace.alert.failures': failedRows,
    });
    expect(await alertDocuments(host, above.body.id)).toEqual([]);
  }, 120_000);

  it('counts only the failed rows of the connections a delivery-failure rule is limited to', async () => {
    // An MSSP's second tenant, collected into the same namespace as the first.
    const otherTenantId = addSettledTenant(emulator, 9516, 400, Date.now());
    const { connection: other, firstRun: otherRun } = await collectedConnection(
      host,
      connectionRequest(otherTenantId, {
        name: 'Fabrikam',
        lookbackDays: 1,
        namespace: healthy.settings.namespace,
      })
    );
    const rule = (name: string, connectionIds?: string[]) =>
      createRule(host, 'mail_admin', {
        name,
        rule_type_id: 'exchangeMessageTrace.deliveryFailures',
        params: {
          statuses: ['failed'],
          thresholdType: 'count',
          threshold: 1,
          groupBy: 'all',
          windowMinutes: 3 * 24 * 60,
          minMessages: 1,
          namespaces: [healthy.settings.namespace],
          ...(connectionIds ? { connectionIds } : {}),
        },
      });
    const rules = await Promise.all([
      rule('Failures of Fabrikam', [other.id]),
      rule('Failures of Contoso', [healthy.id]),
      rule('Failures of the namespace'),
    ]);
    await Promise.all(rules.map((created) => firstRun(host, created.body.id)));
    const [ofOther, ofHealthy, ofBoth] = await Promise.all(
      rules.map((created) => alertDocuments(host, created.body.id))
    );

    const failedRowsOf = async (tenant: string, connectionId: string, fromMs: number) => {
      const { status } = await viewOf(host, connectionId);
      return emulator
        .truthObservations(tenant, {
          start: fromMs,
          end: Date.parse(status.collectedUntil!),
          at: Date.now(),
        })
        .filter((row) => row.status === 'failed').length;
    };
    const otherFailed = await failedRowsOf(
      otherTenantId,
      other.id,
      (otherRun.state as CollectTaskState).checkpoint!.backfillStart
    );
    const healthyFailed = await failedRowsOf(tenantId, healthy.id, collectedFromMs);
    expect(otherFailed).toBeGreaterThan(0);
    expect(otherFailed).not.toBe(healthyFailed);

    expect(ofOther).toEqual([
      expect.objectContaining({
        'kibana.alert.instance.id': 'all',
        'exchange_message_trace.alert.failures': otherFailed,
        'exchange_message_trace.alert.connection_id': other.id,
        'exchange_message_trace.alert.connection_name': 'Fabrikam',
        'kibana.alert.reason': expect.stringContaining(' to all mail in Fabrikam were failed'),
      }),
    ]);
    expect(ofHealthy).toEqual([
      expect.objectContaining({ 'exchange_message_trace.alert.failures': healthyFailed }),
    ]);
    expect(ofBoth).toEqual([
      expect.objectContaining({
        'exchange_message_trace.alert.failures': otherFailed + healthyFailed,
        'kibana.alert.reason': expect.stringMatching(/ to all mail were failed$/),
      }),
    ]);
    expect(ofBoth![0]).not.toHaveProperty(['exchange_message_trace.alert.connection_id']);
  }, 120_000);
});
