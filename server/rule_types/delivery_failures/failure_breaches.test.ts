import type { DeliveryFailuresParams } from '../../../common/alerting/rule_params';
import { failureAlertReason, failureAlertsOf } from './failure_breaches';

const window = { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' };
const params: DeliveryFailuresParams = {
  statuses: ['failed', 'quarantined'],
  thresholdType: 'share',
  threshold: 25,
  groupBy: 'recipientDomain',
  windowMinutes: 60,
  minMessages: 10,
};
const inDefault = (path: string) => path;

describe('failureAlertsOf', () => {
  it('alerts on a share of the counted statuses, only over enough rows', () => {
    const alerts = failureAlertsOf(
      [
        {
          recipientDomain: 'broken.example',
          total: 20,
          byStatus: { failed: 4, quarantined: 1, filteredAsSpam: 9 },
        },
        { recipientDomain: 'fine.example', total: 20, byStatus: { failed: 4, filteredAsSpam: 9 } },
        { recipientDomain: 'tiny.example', total: 2, byStatus: { failed: 2 } },
      ],
      params,
      window,
      inDefault,
      ''
    );
    expect(alerts.map((alert) => alert.id)).toEqual(['broken.example']);
    expect(alerts[0]!.context).toMatchObject({
      failures: 5,
      total: 20,
      sharePercent: 25,
      filteredAsSpam: 9,
      viewPath:
        '/app/exchangeMessageTrace/delivery_status?start=2026-12-01T09%3A00%3A00.000Z&end=2026-12-01T10%3A00%3A00.000Z',
    });
    expect(failureAlertReason(alerts[0]!.context)).toBe(
      '5 of 20 rows (25%) to broken.example were failed, quarantined'
    );
  });

  it('alerts on a count of all mail as one alert, and never on none', () => {
    const count = {
      ...params,
      thresholdType: 'count' as const,
      threshold: 3,
      groupBy: 'all' as const,
    };
    expect(
      failureAlertsOf(
        [{ total: 1000, byStatus: { filteredAsSpam: 3 } }],
        { ...count, statuses: ['filteredAsSpam'] },
        window,
        inDefault,
        ''
      ).map((alert) => [alert.id, alert.context.scope])
    ).toEqual([['all', 'all mail']]);
    expect(
      failureAlertsOf([{ total: 1000, byStatus: { failed: 2 } }], count, window, inDefault, '')
    ).toEqual([]);
    expect(
      failureAlertsOf(
        [{ total: 0, byStatus: {} }],
        { ...params, minMessages: 1 },
        window,
        inDefault,
        ''
      )
    ).toEqual([]);
  });

  it('names the connections it is limited to, and links to delivery status over them', () => {
    const [alert] = failureAlertsOf(
      [{ total: 40, byStatus: { failed: 20 } }],
      { ...params, groupBy: 'all', connectionIds: ['conn-b'] },
      window,
      inDefault,
      'Fabrikam'
    );
    expect(failureAlertReason(alert!.context)).toBe(
      '20 of 40 rows (50%) to all mail in Fabrikam were failed, quarantined'
    );
    expect(alert!.context.viewPath).toBe(
      '/app/exchangeMessageTrace/delivery_status?start=2026-12-01T09%3A00%3A00.000Z&end=2026-12-01T10%3A00%3A00.000Z&connections=conn-b'
    );
  });
});
