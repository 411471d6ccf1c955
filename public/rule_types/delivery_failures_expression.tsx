import { EuiCheckboxGroup, EuiForm, EuiFormRow } from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import type { DeliveryFailuresParams } from '../../common/alerting/rule_params';
import { UNDELIVERED_STATUSES } from '../../common/message_status';
import { ChoiceParam, NumberParam, SourcesParam, type ConnectionsApiProp } from './params_fields';

type Props = ConnectionsApiProp & RuleTypeParamsExpressionProps<Partial<DeliveryFailuresParams>>;
type Status = DeliveryFailuresParams['statuses'][number];

const STATUS_LABELS: Record<Status, string> = {
  failed: 'Failed',
  quarantined: 'Quarantined',
  filteredAsSpam: 'Filtered as spam',
};

export default function DeliveryFailuresExpression(props: Props) {
  const { ruleParams, setRuleParams, errors } = props;
  const statuses = ruleParams.statuses ?? [];
  const statusProblems = ([] as unknown[])
    .concat(errors.statuses ?? [])
    .filter((item): item is string => typeof item === 'string');
  const share = ruleParams.thresholdType === 'share';
  return (
    <EuiForm fullWidth>
      <EuiFormRow
        fullWidth
        label="Count rows that are"
        isInvalid={statusProblems.length > 0}
        error={statusProblems}
      >
        <EuiCheckboxGroup
          data-test-subj="ruleParam-statuses"
          options={UNDELIVERED_STATUSES.map((status) => ({
            id: `deliveryFailures-${status}`,
            label: STATUS_LABELS[status],
          }))}
          idToSelectedMap={Object.fromEntries(
            statuses.map((status) => [`deliveryFailures-${status}`, true])
          )}
          onChange={(id) => {
            const status = id.replace('deliveryFailures-', '') as Status;
            setRuleParams(
              'statuses',
              statuses.includes(status)
                ? statuses.filter((kept) => kept !== status)
                : UNDELIVERED_STATUSES.filter((s) => s === status || statuses.includes(s))
            );
          }}
        />
      </EuiFormRow>
      <ChoiceParam
        field="thresholdType"
        label="Alert on"
        helpText="A number of rows, or a percentage of all rows in the window."
        errors={errors}
        value={ruleParams.thresholdType}
        choices={[
          { value: 'share', text: 'A share of all rows' },
          { value: 'count', text: 'A number of rows' },
        ]}
        onChange={(value) => setRuleParams('thresholdType', value)}
      />
      <NumberParam
        field="threshold"
        label={share ? 'Threshold (percent)' : 'Threshold (rows)'}
        helpText={share ? 'Above 0, up to 100.' : 'A whole number of rows, 1 or more.'}
        errors={errors}
        value={ruleParams.threshold}
        min={share ? 0.1 : 1}
        max={share ? 100 : 1_000_000}
        step={share ? 0.1 : 1}
        onChange={(value) => setRuleParams('threshold', value)}
      />
      <NumberParam
        field="minMessages"
        label="Judge a share over at least (rows)"
        helpText="A recipient domain with fewer rows in the window is not judged by its share."
        errors={errors}
        value={ruleParams.minMessages}
        min={1}
        max={1_000_000}
        onChange={(value) => setRuleParams('minMessages', value)}
      />
      <ChoiceParam
        field="groupBy"
        label="Alert per"
        helpText="One alert for all mail, or one per recipient domain."
        errors={errors}
        value={ruleParams.groupBy}
        choices={[
          { value: 'all', text: 'All mail' },
          { value: 'recipientDomain', text: 'Recipient domain' },
        ]}
        onChange={(value) => setRuleParams('groupBy', value)}
      />
      <NumberParam
        field="windowMinutes"
        label="Window (minutes)"
        helpText="Each run counts the rows received in this many minutes before it."
        errors={errors}
        value={ruleParams.windowMinutes}
        min={5}
        max={10080}
        onChange={(value) => setRuleParams('windowMinutes', value)}
      />
      <SourcesParam {...props} withNamespaces />
    </EuiForm>
  );
}
