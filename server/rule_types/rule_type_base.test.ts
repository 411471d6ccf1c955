import { ruleConnections, viewInApp } from './rule_type_base';

const connections = [
  { id: 'conn-a', settings: { name: 'Contoso' } },
  { id: 'conn-b', settings: { name: 'Fabrikam' } },
];

describe('a rule limited to some connections', () => {
  it('names them, and puts the one connection it reads in its alert documents', () => {
    expect(ruleConnections(['conn-b'], connections)).toEqual({
      names: 'Fabrikam',
      fields: { connection_id: 'conn-b', connection_name: 'Fabrikam' },
    });
    expect(ruleConnections(['conn-a', 'conn-b'], connections)).toEqual({
      names: 'Contoso, Fabrikam',
      fields: {},
    });
    expect(ruleConnections(undefined, connections)).toEqual({ names: '', fields: {} });
  });

  it('opens the page in the app over the run’s range and the rule’s connections', () => {
    const link = viewInApp('delivery_status')({
      rule: { params: { connectionIds: ['conn-a', 'conn-b'], namespaces: ['tenants'] } },
      start: Date.parse('2026-12-01T09:00:00.000Z'),
      end: Date.parse('2026-12-01T10:00:00.000Z'),
    });
    expect(link).toBe(
      '/app/exchangeMessageTrace/delivery_status?start=2026-12-01T09%3A00%3A00.000Z&end=2026-12-01T10%3A00%3A00.000Z&connections=conn-a%2Cconn-b&namespaces=tenants'
    );
    expect(viewInApp('suspicious_senders')({ rule: {} })).toBe(
      '/app/exchangeMessageTrace/suspicious_senders'
    );
  });
});
