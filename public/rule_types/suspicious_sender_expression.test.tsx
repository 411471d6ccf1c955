import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import { CONNECTIONS_API_PATH } from '../../common/http_api/connections';
import { connectionView } from '../test_support/connection_fixtures';
import { createFakeHttp } from '../test_support/fake_core';
import { createConnectionsApi } from '../services/connections_api';
import SuspiciousSenderExpression from './suspicious_sender_expression';

const contoso = connectionView({ id: 'conn-contoso' });
const fabrikam = connectionView({
  id: 'conn-fabrikam',
  settings: { ...contoso.settings, name: 'Fabrikam', namespace: 'tenants' },
});

function renderEditor(ruleParams: Record<string, unknown>) {
  const { http } = createFakeHttp({
    [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [contoso, fabrikam] }),
  });
  const setRuleParams = jest.fn();
  render(
    <EuiProvider>
      <SuspiciousSenderExpression
        {...({} as RuleTypeParamsExpressionProps)}
        ruleParams={ruleParams}
        setRuleParams={setRuleParams}
        errors={{}}
        connectionsApi={createConnectionsApi(http)}
      />
    </EuiProvider>
  );
  return setRuleParams;
}

// A pill takes its option's data-test-subj, so pills are found by EUI's class.
const pillsOf = () =>
  [...screen.getByTestId('ruleParam-sources').querySelectorAll('.euiComboBoxPill')].map(
    (pill) => pill.textContent
  );

describe('the suspicious-sender params editor', () => {
  it('shows the connections a rule reads by name, and a removed one in words', async () => {
    renderEditor({
      threshold: 40,
      windowHours: 24,
      groupBy: 'sender',
      connectionIds: ['conn-fabrikam', 'conn-gone'],
      namespaces: ['default'],
    });
    await waitFor(() =>
      expect(pillsOf()).toEqual(['Fabrikam', 'Removed connection (ID conn-gone)', 'default'])
    );
  });

  it('limits the rule to a connection chosen by name, and to every one once emptied', async () => {
    const setRuleParams = renderEditor({ threshold: 40, windowHours: 24, groupBy: 'sender' });
    expect(pillsOf()).toEqual([]);
    fireEvent.focus(within(screen.getByTestId('ruleParam-sources')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('emtSourceConnection-conn-fabrikam'));
    expect(setRuleParams.mock.calls).toEqual([
      ['connectionIds', ['conn-fabrikam']],
      ['namespaces', undefined],
    ]);
  });

  it('takes a connection out, leaving the param out when none is left', async () => {
    const setRuleParams = renderEditor({
      threshold: 40,
      windowHours: 24,
      groupBy: 'sender',
      connectionIds: ['conn-contoso'],
    });
    await waitFor(() => expect(pillsOf()).toEqual(['Contoso']));
    fireEvent.click(screen.getByLabelText('Remove Contoso from selection in this group'));
    expect(setRuleParams.mock.calls).toEqual([
      ['connectionIds', undefined],
      ['namespaces', undefined],
    ]);
  });
});
