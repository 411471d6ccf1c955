import { suspiciousSenderRuleParams } from './rule_prefill';

describe('suspiciousSenderRuleParams', () => {
  const scope = {
    start: '2026-12-01T00:00:00.000Z',
    end: '2026-12-02T10:30:00.000Z',
    namespaces: ['default'],
  };
  const sender = (score: number, knownGood = false) =>
    ({ sender: `s${score}@x.example`, score, knownGood }) as never;

  it('alerts on what the page lists: its range, grouping, namespaces and lowest score', () => {
    expect(
      suspiciousSenderRuleParams(scope, 'domain', [sender(85), sender(30), sender(5, true)])
    ).toEqual({
      threshold: 30,
      windowHours: 35,
      groupBy: 'domain',
      namespaces: ['default'],
    });
    expect(suspiciousSenderRuleParams({ ...scope, namespaces: [] }, 'sender', [])).toEqual({
      threshold: 40,
      windowHours: 35,
      groupBy: 'sender',
    });
  });

  it('limits the rule to the connections the page is filtered to, beside its namespaces', () => {
    expect(
      suspiciousSenderRuleParams({ ...scope, connectionIds: ['conn-a', 'conn-b'] }, 'sender', [
        sender(60),
      ])
    ).toEqual({
      threshold: 60,
      windowHours: 35,
      groupBy: 'sender',
      connectionIds: ['conn-a', 'conn-b'],
      namespaces: ['default'],
    });
    expect(
      suspiciousSenderRuleParams({ ...scope, connectionIds: [] }, 'sender', [sender(60)])
    ).not.toHaveProperty('connectionIds');
  });
});
