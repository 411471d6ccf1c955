import { domainToASCII } from 'node:url';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time';
import { REASON_WEIGHTS } from '../../../common/sender_reasons';
import { scoreOf, senderReasons, type SenderStats } from './sender_score';

const context = { localDomains: ['contoso.com', 'contoso.co.uk'], periodDays: 3, baselineDays: 4 };
const quiet = { messages: 0, byStatus: {}, recipients: 0, networks: [] };

function stats(overrides: Partial<SenderStats> & Pick<SenderStats, 'sender'>): SenderStats {
  return {
    domain: overrides.sender.split('@')[1],
    period: {
      ...quiet,
      messages: 30,
      byStatus: { delivered: 30 },
      recipients: 10,
      networks: ['40.107.1.0/24'],
      sourceIps: ['40.107.1.5'],
    },
    baseline: {
      ...quiet,
      messages: 40,
      byStatus: { delivered: 40 },
      recipients: 12,
      networks: ['40.107.1.0/24'],
    },
    fromOutside: { messages: 0, sourceIps: [] },
    internalOnly: false,
    ...overrides,
  };
}

const codes = (s: SenderStats, c = context) => senderReasons(s, c).map((reason) => reason.code);

describe('senderReasons', () => {
  it('finds nothing in a busy sender that keeps to its habits', () => {
    expect(senderReasons(stats({ sender: 'orders@fabrikam.com' }), context)).toEqual([]);
    // A newsletter: many recipients, but as many as before.
    const newsletter = stats({
      sender: 'news@email.northwindtraders.com',
      period: {
        messages: 600,
        byStatus: { delivered: 590, filteredAsSpam: 10 },
        recipients: 280,
        networks: ['167.89.115.0/24'],
        sourceIps: [],
      },
      baseline: {
        messages: 800,
        byStatus: { delivered: 800 },
        recipients: 300,
        networks: ['167.89.115.0/24'],
      },
    });
    expect(senderReasons(newsletter, context)).toEqual([]);
  });

  it('explains a spam-heavy sender with its counts', () => {
    const reasons = senderReasons(
      stats({
        sender: 'offers@bestdeals-promo.biz',
        period: {
          messages: 60,
          byStatus: { filteredAsSpam: 36, quarantined: 18, delivered: 6 },
          recipients: 40,
          networks: ['198.51.100.0/24'],
          sourceIps: [],
        },
        baseline: {
          messages: 80,
          byStatus: { filteredAsSpam: 50, delivered: 30 },
          recipients: 60,
          networks: ['198.51.100.0/24'],
        },
      }),
      context
    );
    expect(reasons).toEqual([
      {
        code: 'undeliveredRatio',
        weight: 36,
        explanation:
          '90% of its 60 messages were not delivered: 18 quarantined, 36 filtered as spam.',
      },
    ]);
  });

  it('flags a new sender spraying many recipients, but not by volume against nothing', () => {
    const spray = stats({
      sender: 'shared-docs@docsign-secure.net',
      period: {
        messages: 80,
        byStatus: { delivered: 56, filteredAsSpam: 16, quarantined: 8 },
        recipients: 80,
        networks: ['203.0.113.0/24'],
        sourceIps: [],
      },
      baseline: quiet,
    });
    expect(codes(spray)).toEqual(['manyRecipients', 'undeliveredRatio', 'firstSeen']);
    expect(
      senderReasons(spray, context).find((r) => r.code === 'manyRecipients')?.explanation
    ).toBe('Sent to 80 different recipients, against 0 in the 4 days before.');
  });

  it('says nothing against the past when the baseline holds no data', () => {
    const spray = stats({
      sender: 'a@new.example',
      baseline: quiet,
      period: { ...quiet, messages: 80, recipients: 80, sourceIps: [] },
    });
    expect(codes(spray, { ...context, baselineDays: 0 })).toEqual([]);
  });

  it('flags a volume spike and a new network against the sender’s own baseline', () => {
    const reasons = senderReasons(
      stats({
        sender: 'invoices@fabrikam.com',
        period: {
          messages: 90,
          byStatus: { delivered: 90 },
          recipients: 5,
          networks: ['40.107.1.0/24', '192.0.2.0/24'],
          sourceIps: [],
        },
        baseline: {
          messages: 8,
          byStatus: { delivered: 8 },
          recipients: 3,
          networks: ['40.107.1.0/24'],
        },
      }),
      context
    );
    expect(reasons.map((r) => r.code)).toEqual(['newSourceNetwork', 'volumeSpike']);
    expect(reasons[0]!.explanation).toBe(
      'Sent from 192.0.2.0/24, never used by it in the 4 days before (it used 40.107.1.0/24).'
    );
    expect(reasons[1]!.explanation).toBe(
      'Sent 30.0 messages a day, 15× its 2.0 a day in the 4 days before.'
    );
  });

  it('does not count a neighbouring /24 of the same block as a new network', () => {
    const newsletter = stats({
      sender: 'news@email.northwindtraders.com',
      period: {
        messages: 20,
        byStatus: { delivered: 20 },
        recipients: 20,
        networks: ['167.89.115.0/24', '167.89.116.0/24'],
        sourceIps: [],
      },
      baseline: {
        messages: 20,
        byStatus: { delivered: 20 },
        recipients: 20,
        networks: ['167.89.116.0/24'],
      },
    });
    expect(senderReasons(newsletter, context)).toEqual([]);
  });

  it('says a short baseline in hours', () => {
    const spray = stats({
      sender: 'shared-docs@docsign-secure.net',
      period: { ...quiet, messages: 80, recipients: 80, sourceIps: [] },
      baseline: quiet,
    });
    expect(senderReasons(spray, { ...context, baselineDays: 1.5 })[0]!.explanation).toBe(
      'Sent to 80 different recipients, against 0 in the 36 hours before.'
    );
  });

  describe('on a young install (less than a day of mail before the period)', () => {
    const dataStartMs = Date.parse('2026-11-25T06:00:00Z');
    // "Last 7 days" opened 20 minutes after the first mail was collected.
    const young = {
      ...context,
      periodDays: 7,
      baselineDays: (20 * MINUTE_MS) / DAY_MS,
      dataStartMs,
    };
    const partner = stats({
      sender: 'orders@fabrikam.com',
      firstMs: dataStartMs + 5 * MINUTE_MS,
      period: {
        messages: 2000,
        byStatus: { delivered: 2000 },
        recipients: 250,
        networks: ['40.107.1.0/24', '40.107.2.0/24'],
        sourceIps: [],
        networkUse: [
          { network: '40.107.1.0/24', firstMs: dataStartMs + 5 * MINUTE_MS, messages: 1200 },
          { network: '40.107.2.0/24', firstMs: dataStartMs + 3 * HOUR_MS, messages: 800 },
        ],
      },
      baseline: {
        messages: 4,
        byStatus: { delivered: 4 },
        recipients: 4,
        networks: ['40.107.1.0/24'],
      },
    });

    it('does not call a busy partner a spike from new networks against minutes of mail', () => {
      expect(senderReasons(partner, young)).toEqual([]);
    });

    it('does not call a sender new on a network of its provider’s pool', () => {
      const newsletter = stats({
        sender: 'news@email.northwindtraders.com',
        firstMs: dataStartMs + HOUR_MS,
        period: {
          ...quiet,
          messages: 75,
          recipients: 15,
          sourceIps: [],
          networkUse: [
            { network: '167.89.115.0/24', firstMs: dataStartMs + HOUR_MS, messages: 30 },
            { network: '167.89.116.0/24', firstMs: dataStartMs + 2 * DAY_MS, messages: 45 },
          ],
        },
        baseline: quiet,
      });
      expect(senderReasons(newsletter, young)).toEqual([]);
    });

    it('does not call a workday sender new when the data began after its last mail', () => {
      const newsletter = stats({
        sender: 'news@email.northwindtraders.com',
        firstMs: dataStartMs + 30 * HOUR_MS,
        period: { ...quiet, messages: 90, recipients: 60, sourceIps: [] },
        baseline: quiet,
      });
      expect(senderReasons(newsletter, young)).toEqual([]);
    });

    it('judges a sender by its own earlier mail: first seen, and a network it switched to', () => {
      const spray = stats({
        sender: 'shared-docs@docsign-secure.net',
        firstMs: dataStartMs + 6.5 * DAY_MS,
        period: { ...quiet, messages: 80, recipients: 80, sourceIps: [] },
        baseline: quiet,
      });
      expect(senderReasons(spray, young)).toEqual([
        {
          code: 'manyRecipients',
          weight: 20,
          explanation:
            'Sent to 80 different recipients, against 0 in the 6.5 days of mail before it appeared.',
        },
        {
          code: 'firstSeen',
          weight: 10,
          explanation:
            'First seen in this period: no mail from it in the 6.5 days of mail before it appeared.',
        },
      ]);
      const switched = stats({
        sender: 'invoices@fabrikam.com',
        firstMs: dataStartMs + 2 * HOUR_MS,
        period: {
          ...quiet,
          messages: 40,
          recipients: 5,
          sourceIps: [],
          networkUse: [
            { network: '40.107.1.0/24', firstMs: dataStartMs + 2 * HOUR_MS, messages: 20 },
            { network: '40.107.9.0/24', firstMs: dataStartMs + 4 * HOUR_MS, messages: 6 },
            {
              network: '192.0.2.0/24',
              firstMs: dataStartMs + 5 * DAY_MS + 2 * HOUR_MS,
              messages: 14,
            },
          ],
        },
        baseline: quiet,
      });
      expect(senderReasons(switched, young)).toEqual([
        {
          code: 'newSourceNetwork',
          weight: 25,
          explanation:
            'Sent from 192.0.2.0/24, never used by it in the 5 days of its mail before (it used 40.107.1.0/24, 40.107.9.0/24).',
        },
      ]);
    });
  });

  it('flags lookalike domains, punycode shown decoded', () => {
    const homoglyph = domainToASCII('c\u043entoso.com');
    expect(senderReasons(stats({ sender: `it-support@${homoglyph}` }), context)).toEqual([
      {
        code: 'lookalikeDomain',
        weight: REASON_WEIGHTS.lookalikeDomain,
        explanation: `c\u043entoso.com (written ${homoglyph}) uses look-alike Unicode letters to pass for our domain contoso.com.`,
      },
    ]);
    expect(senderReasons(stats({ sender: 'accounts@c0ntoso.com' }), context)[0]).toMatchObject({
      code: 'lookalikeDomain',
      weight: 35,
      explanation: 'c0ntoso.com swaps look-alike characters to pass for our domain contoso.com.',
    });
  });

  it('flags our own domain sent from outside, and judges an internal sender by nothing else', () => {
    const spoof = stats({
      sender: 'adele.vance@contoso.com',
      internalOnly: true,
      period: {
        messages: 4,
        byStatus: { quarantined: 2, filteredAsSpam: 1, delivered: 1 },
        recipients: 2,
        networks: ['192.0.2.0/24'],
        sourceIps: ['192.0.2.66'],
      },
      baseline: quiet,
      fromOutside: { messages: 4, sourceIps: ['192.0.2.66'] },
    });
    const reasons = senderReasons(spoof, context);
    expect(reasons.map((r) => r.code)).toEqual(['ownDomainFromOutside', 'undeliveredRatio']);
    expect(reasons[0]!.explanation).toBe(
      '4 messages claim our domain contoso.com but came from 192.0.2.66, outside the networks our own mail comes from.'
    );
    expect(scoreOf(reasons)).toBe(40 + 30);
  });
});
