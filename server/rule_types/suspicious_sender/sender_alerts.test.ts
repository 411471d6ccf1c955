import type { SuspiciousSender } from '../../../common/http_api/views';
import { senderAlertReason, senderAlertsOf } from './sender_alerts';

const window = { start: '2026-11-30T10:00:00.000Z', end: '2026-12-01T10:00:00.000Z' };
const inSpace = (path: string) => `/s/soc${path}`;

function sender(name: string, score: number, knownGood = false): SuspiciousSender {
  return {
    sender: name,
    score,
    reasons: [
      { code: 'undeliveredRatio', weight: 40, explanation: '30 of 40 messages not delivered' },
      { code: 'manyRecipients', weight: score - 40, explanation: '120 distinct recipients' },
    ],
    messages: 40,
    recipients: 120,
    undelivered: 30,
    sourceIps: ['203.0.113.7'],
    firstSeen: window.start,
    lastSeen: window.end,
    knownGood,
  };
}

describe('senderAlertsOf', () => {
  it('alerts once per sender at or above the threshold, keyed by the sender', () => {
    const alerts = senderAlertsOf(
      [
        sender('spray@evil.example', 60),
        sender('edge@ok.example', 50),
        sender('low@ok.example', 49),
      ],
      { threshold: 50, windowHours: 24, groupBy: 'sender' },
      window,
      inSpace,
      ''
    );
    expect(alerts.map((alert) => alert.id)).toEqual(['spray@evil.example', 'edge@ok.example']);
    expect(alerts[0]!.context).toMatchObject({
      sender: 'spray@evil.example',
      score: 60,
      threshold: 50,
      reasonsText: '- 30 of 40 messages not delivered\n- 120 distinct recipients',
      viewPath:
        '/s/soc/app/exchangeMessageTrace/messages?start=2026-11-30T10%3A00%3A00.000Z&end=2026-12-01T10%3A00%3A00.000Z&sender=spray%40evil.example',
    });
    expect(senderAlertReason(alerts[0]!.context)).toBe(
      'spray@evil.example scored 60 (threshold 50): undeliveredRatio, manyRecipients'
    );
  });

  it('never alerts on a known-good sender, and links a domain to all its addresses', () => {
    const alerts = senderAlertsOf(
      [sender('known@ok.example', 90, true), sender('evil.example', 90)],
      { threshold: 50, windowHours: 24, groupBy: 'domain' },
      window,
      inSpace,
      ''
    );
    expect(alerts.map((alert) => alert.id)).toEqual(['evil.example']);
    expect(alerts[0]!.context.viewPath).toContain('sender=*%40evil.example');
  });

  it('names the connections it is limited to, and links to the page over them', () => {
    const [alert] = senderAlertsOf(
      [sender('spray@evil.example', 60)],
      {
        threshold: 50,
        windowHours: 24,
        groupBy: 'sender',
        connectionIds: ['conn-a', 'conn-b'],
        namespaces: ['tenants'],
      },
      window,
      inSpace,
      'Contoso, Fabrikam'
    );
    expect(alert!.context.connections).toBe('Contoso, Fabrikam');
    expect(senderAlertReason(alert!.context)).toBe(
      'spray@evil.example scored 60 (threshold 50) in Contoso, Fabrikam: undeliveredRatio, manyRecipients'
    );
    expect(new URL(alert!.context.viewPath, 'http://kibana').searchParams.toString()).toBe(
      'start=2026-11-30T10%3A00%3A00.000Z&end=2026-12-01T10%3A00%3A00.000Z&sender=spray%40evil.example&connections=conn-a%2Cconn-b&namespaces=tenants'
    );
  });
});
