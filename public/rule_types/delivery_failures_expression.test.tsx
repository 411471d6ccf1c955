import { configure, fireEvent, render, screen } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import type { ConnectionsApi } from '../services/connections_api';
import DeliveryFailuresExpression from './delivery_failures_expression';

configure({ testIdAttribute: 'data-test-subj' });

function renderExpression(
  ruleParams: Record<string, unknown>,
  errors: RuleTypeParamsExpressionProps['errors'] = {}
) {
  const setRuleParams = jest.fn();
  // The statuses and thresholds are under test here: the connections list stays loading.
  const connectionsApi = { list: () => new Promise(() => undefined) } as unknown as ConnectionsApi;
  render(
    <EuiProvider>
      <DeliveryFailuresExpression
        {...({} as RuleTypeParamsExpressionProps)}
        ruleParams={ruleParams}
        setRuleParams={setRuleParams}
        errors={errors}
        connectionsApi={connectionsApi}
      />
    </EuiProvider>
  );
  return setRuleParams;
}

describe('the delivery failures params editor', () => {
  it('keeps the statuses in their fixed order as they are ticked and unticked', () => {
    const setRuleParams = renderExpression({
      statuses: ['filteredAsSpam'],
      thresholdType: 'share',
    });
    fireEvent.click(screen.getByLabelText('Failed'));
    expect(setRuleParams).toHaveBeenLastCalledWith('statuses', ['failed', 'filteredAsSpam']);
    fireEvent.click(screen.getByLabelText('Filtered as spam'));
    expect(setRuleParams).toHaveBeenLastCalledWith('statuses', []);
  });

  it('names the threshold by its type and shows the codec’s words under a bad field', () => {
    const setRuleParams = renderExpression(
      { statuses: ['failed'], thresholdType: 'count', threshold: 2.5 },
      { threshold: ['must be a whole number of rows, 1 or more'] }
    );
    expect(screen.getByText('Threshold (rows)')).toBeTruthy();
    expect(screen.getByText('must be a whole number of rows, 1 or more')).toBeTruthy();
    fireEvent.change(screen.getByTestId('ruleParam-threshold'), { target: { value: '7' } });
    expect(setRuleParams).toHaveBeenLastCalledWith('threshold', 7);
  });
});
