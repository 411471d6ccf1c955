import { discoverPath, messagesEsql } from './discover_link';

const INDEX = 'logs-microsoft_exchange_online_message_trace.log-*';
const scope = { start: '2026-11-20T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' };

describe('messagesEsql', () => {
  it('turns every search field into a condition, as the search matches it', () => {
    expect(
      messagesEsql(INDEX, {
        ...scope,
        connectionIds: ['c1'],
        sender: 'c0ntoso.com',
        recipient: 'Finance@contoso.com',
        subject: 'Invoice',
        messageId: 'abc@x',
        ip: '203.0.113.0/24',
        statuses: ['failed', 'pending'],
      })
    ).toBe(
      [
        `FROM ${INDEX}`,
        '| WHERE @timestamp >= "2026-11-20T00:00:00.000Z" AND @timestamp <= "2026-11-21T00:00:00.000Z"',
        '| WHERE exchange_message_trace.connection_id IN ("c1")',
        '| WHERE (TO_LOWER(email.from.address) == "c0ntoso.com" OR TO_LOWER(source.domain) == "c0ntoso.com")',
        '| WHERE TO_LOWER(email.to.address) == "finance@contoso.com"',
        '| WHERE TO_LOWER(email.subject) LIKE "*invoice*"',
        '| WHERE email.message_id IN ("abc@x", "<abc@x>")',
        '| WHERE (CIDR_MATCH(source.ip, "203.0.113.0/24") OR CIDR_MATCH(destination.ip, "203.0.113.0/24"))',
        '| WHERE event.action IN ("failed", "pending")',
        '| SORT @timestamp DESC',
        '| KEEP @timestamp, event.action, email.from.address, email.to.address, email.subject, source.ip, email.direction, email.local_id',
      ].join('\n')
    );
  });

  it('escapes quotes and keeps wildcards', () => {
    const esql = messagesEsql(INDEX, { ...scope, sender: '*@evil"x.com', ip: '2001:db8::1' });
    expect(esql).toContain('TO_LOWER(email.from.address) LIKE "*@evil\\"x.com"');
    expect(esql).toContain('CIDR_MATCH(source.ip, "2001:db8::1/128")');
  });
});

describe('discoverPath', () => {
  it('opens Discover in ES|QL mode over the same time range, rison-escaped', () => {
    const path = discoverPath(INDEX, { ...scope, subject: "it's here!" });
    expect(path.startsWith('/app/discover#/?_g=')).toBe(true);
    const params = new URLSearchParams(path.slice(path.indexOf('?')));
    expect(params.get('_g')).toBe(
      "(time:(from:'2026-11-20T00:00:00.000Z',to:'2026-11-21T00:00:00.000Z'))"
    );
    expect(params.get('_a')).toContain("(dataSource:(type:esql),query:(esql:'FROM ");
    expect(params.get('_a')).toContain('LIKE "*it!\'s here!!*"');
  });
});
