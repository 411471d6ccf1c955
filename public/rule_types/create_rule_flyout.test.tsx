import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithServices } from '../test_support/fake_core';
import { CreateRuleFlyout } from './create_rule_flyout';
import { COLLECTION_HEALTH_DEFAULTS, suspiciousSenderRuleParams } from './rule_prefill';

function openFlyout(initialParams: Record<string, unknown>) {
  const onClose = jest.fn();
  const rendered = renderWithServices(
    <CreateRuleFlyout
      ruleTypeId="exchangeMessageTrace.collectionHealth"
      title="Alert on collection health"
      initialName="Exchange collection health"
      initialParams={initialParams}
      onClose={onClose}
    />,
    { routes: { 'POST /api/alerting/rule': () => ({ id: 'rule-1' }) } }
  );
  return { ...rendered, onClose };
}

describe('the create rule flyout', () => {
  it('creates the rule with the prefilled params, as our feature, with no actions yet', async () => {
    const { calls, onClose } = openFlyout(COLLECTION_HEALTH_DEFAULTS);
    await screen.findByTestId('ruleParam-expiryDays');
    fireEvent.change(screen.getByTestId('ruleParam-expiryDays'), { target: { value: '30' } });
    await act(async () => fireEvent.click(screen.getByTestId('emtSaveRule')));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/alerting/rule',
      body: {
        name: 'Exchange collection health',
        rule_type_id: 'exchangeMessageTrace.collectionHealth',
        consumer: 'exchangeMessageTrace',
        schedule: { interval: '5m' },
        params: { throttledMinutes: 60, lagMinutes: 120, expiryDays: 30 },
        actions: [],
      },
    });
  });

  it('refuses to save params the codec refuses, saying why under the field', async () => {
    openFlyout({ ...COLLECTION_HEALTH_DEFAULTS, expiryDays: 400 });
    expect(await screen.findByText('must be a whole number from 1 to 365')).toBeTruthy();
    expect((screen.getByTestId('emtSaveRule') as HTMLButtonElement).disabled).toBe(true);
  });
});

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
});
