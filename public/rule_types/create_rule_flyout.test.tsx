import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RuleTypeId } from '../../common/alerting/rule_params';
import { renderWithServices } from '../test_support/fake_core';
import { CreateRuleFlyout } from './create_rule_flyout';
import { CONNECTIONS_API_PATH } from '../../common/http_api/connections';
import { connectionView } from '../test_support/connection_fixtures';
import { COLLECTION_HEALTH_DEFAULTS, suspiciousSenderRuleParams } from './rule_prefill';

const fabrikam = connectionView({
  id: 'conn-fabrikam',
  settings: { ...connectionView().settings, name: 'Fabrikam' },
});

function openFlyout(
  initialParams: Record<string, unknown>,
  ruleTypeId: RuleTypeId = 'exchangeMessageTrace.collectionHealth'
) {
  const onClose = jest.fn();
  const rendered = renderWithServices(
    <CreateRuleFlyout
      ruleTypeId={ruleTypeId}
      title="Alert on collection health"
      initialName="Exchange collection health"
      initialParams={initialParams}
      onClose={onClose}
    />,
    {
      routes: {
        'POST /api/alerting/rule': () => ({ id: 'rule-1' }),
        [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [connectionView(), fabrikam] }),
      },
    }
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

  it('creates a suspicious-sender rule limited to the connection the page was filtered to', async () => {
    const scope = {
      start: '2026-12-01T00:00:00.000Z',
      end: '2026-12-02T00:00:00.000Z',
      connectionIds: ['conn-fabrikam'],
    };
    const { calls, onClose } = openFlyout(
      suspiciousSenderRuleParams(scope, 'sender', []),
      'exchangeMessageTrace.suspiciousSender'
    );
    expect(
      await within(await screen.findByTestId('ruleParam-sources')).findByText('Fabrikam')
    ).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('emtSaveRule')));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.at(-1)).toMatchObject({
      path: '/api/alerting/rule',
      body: {
        rule_type_id: 'exchangeMessageTrace.suspiciousSender',
        params: {
          threshold: 40,
          windowHours: 24,
          groupBy: 'sender',
          connectionIds: ['conn-fabrikam'],
        },
      },
    });
  });
});
