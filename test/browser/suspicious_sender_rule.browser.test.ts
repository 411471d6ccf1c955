import { PLUGIN_ID } from '../../common/constants';
import { alertDocuments, firstRun, runAgain } from '../alerting/rule_harness';
import { callRoute, waitFor } from '../host/test_support';
import { PERIOD_DAYS } from '../host/views_tenant';
import { subj } from './chromium';
import { saveScreenshot } from './screenshots';
import { useViewsSession } from './views_session';

const DAY_MS = 86_400_000;
const RULE_TYPE_ID = 'exchangeMessageTrace.suspiciousSender';

/**
 * "Create alert rule" on Suspicious senders, in Chromium, over the synthetic tenant our plugin
 * collected: the rule the flyout saves is run by the host's alerting framework and alerts on the
 * spray sender the emulator planted.
 */
describe('an alert rule created from Suspicious senders, in Chromium', () => {
  const session = useViewsSession({ seed: 9521 });

  const openSendersAs = async (username: string) => {
    const { tenant, host, page } = session;
    const range = new URLSearchParams({
      start: new Date(tenant.anchorMs - PERIOD_DAYS * DAY_MS).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
    });
    const next = encodeURIComponent(`/app/${PLUGIN_ID}/suspicious_senders?${range.toString()}`);
    await page.goto(`${host.url}/host/login?user=${username}&next=${next}`);
    await page.locator(subj('emtSenderScore')).first().waitFor();
  };

  it('creates the rule as mail_admin, and its first run alerts on the planted spray sender', async () => {
    const { page, host, tenant } = session;
    const spray = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spray')!.senderAddress;
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openSendersAs('mail_admin');

    await page.locator(subj('emtCreateSenderRule')).click();
    const flyout = page.locator(subj('emtCreateRuleFlyout'));
    await flyout.locator(subj('ruleParam-threshold')).waitFor();
    const threshold = Number(await flyout.locator(subj('ruleParam-threshold')).inputValue());
    const windowHours = Number(await flyout.locator(subj('ruleParam-windowHours')).inputValue());
    expect(await flyout.locator(subj('ruleParam-groupBy')).inputValue()).toBe('sender');
    // The page is filtered to the tenant's connection: so is the rule, shown by the connection's name.
    await flyout
      .locator(subj('ruleParam-sources'))
      .getByText(tenant.connection.settings.name)
      .waitFor();
    // The spray sender is ranked on the page, so the prefilled threshold is at most its score.
    const sprayScore = Number(
      await page.locator(`${subj(`emtSenderRow-${spray}`)} ${subj('emtSenderScore')}`).innerText()
    );
    expect(threshold).toBeGreaterThanOrEqual(1);
    expect(threshold).toBeLessThanOrEqual(sprayScore);
    expect(windowHours).toBe(
      Math.ceil((tenant.collected.endMs - (tenant.anchorMs - PERIOD_DAYS * DAY_MS)) / 3_600_000)
    );
    await flyout.locator(subj('emtRuleName')).fill('Spray senders from the browser');
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'create_rule_flyout.png');
    await flyout.locator(subj('emtSaveRule')).click();

    const toast = page.locator('[data-test-subj^="emtRuleCreated-"]');
    await toast.waitFor();
    expect(await toast.innerText()).toContain('Rule "Spray senders from the browser" created');
    await flyout.waitFor({ state: 'detached' });
    const ruleId = (await toast.getAttribute('data-test-subj'))!.slice('emtRuleCreated-'.length);

    const rule = await callRoute(host, 'GET', `/api/alerting/rule/${ruleId}`, {
      user: 'mail_admin',
    });
    expect(rule.status).toBe(200);
    expect(rule.body).toMatchObject({
      name: 'Spray senders from the browser',
      rule_type_id: RULE_TYPE_ID,
      consumer: PLUGIN_ID,
      enabled: true,
      created_by: 'mail_admin',
      params: { threshold, windowHours, groupBy: 'sender', connectionIds: [tenant.connection.id] },
    });

    // Kibana runs a new rule once at creation; that run is its first alert.
    await firstRun(host, ruleId);
    const sprayAlerts = async () =>
      (await alertDocuments(host, ruleId)).filter(
        (alert) => alert['kibana.alert.instance.id'] === spray
      );
    const [firstAlert] = await waitFor(
      async () => {
        const found = await sprayAlerts();
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000, what: 'the spray sender’s alert' }
    );
    expect(firstAlert).toMatchObject({
      'kibana.alert.status': 'active',
      'kibana.alert.rule.name': 'Spray senders from the browser',
      'exchange_message_trace.alert.sender': spray,
      'exchange_message_trace.alert.reasons': expect.arrayContaining(['manyRecipients']),
      'exchange_message_trace.alert.connection_id': tenant.connection.id,
      'exchange_message_trace.alert.connection_name': tenant.connection.settings.name,
    });

    // Run now, as the rules page's "Run rule" does: the alert stays the one active alert.
    await runAgain(host, ruleId);
    expect(await sprayAlerts()).toEqual([
      expect.objectContaining({ id: firstAlert!.id, 'kibana.alert.status': 'active' }),
    ]);
  });

  it('offers soc_analyst (read only) no "Create alert rule"', async () => {
    const { page } = session;
    await openSendersAs('soc_analyst');
    await page.waitForLoadState('networkidle');
    expect(await page.locator(subj('emtCreateSenderRule')).count()).toBe(0);
  });
});
