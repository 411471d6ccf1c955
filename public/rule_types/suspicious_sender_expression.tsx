import { EuiForm } from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import { MAX_SENDER_SCORE, type SuspiciousSenderParams } from '../../common/alerting/rule_params';
import { ChoiceParam, NumberParam, SourcesParam, type ConnectionsApiProp } from './params_fields';

type Props = ConnectionsApiProp & RuleTypeParamsExpressionProps<Partial<SuspiciousSenderParams>>;

export default function SuspiciousSenderExpression(props: Props) {
  const { ruleParams, setRuleParams, errors } = props;
  return (
    <EuiForm fullWidth>
      <NumberParam
        field="threshold"
        label="Score threshold"
        helpText={`A sender alerts when its score reaches this (1 to ${MAX_SENDER_SCORE}); the Suspicious senders page shows each sender's score and reasons.`}
        errors={errors}
        value={ruleParams.threshold}
        min={1}
        max={MAX_SENDER_SCORE}
        onChange={(value) => setRuleParams('threshold', value)}
      />
      <NumberParam
        field="windowHours"
        label="Window (hours)"
        helpText="Each run scores the mail of this many hours before it."
        errors={errors}
        value={ruleParams.windowHours}
        min={1}
        max={720}
        onChange={(value) => setRuleParams('windowHours', value)}
      />
      <ChoiceParam
        field="groupBy"
        label="Alert per"
        helpText="One alert per sending address, or per sending domain."
        errors={errors}
        value={ruleParams.groupBy}
        choices={[
          { value: 'sender', text: 'Sender address' },
          { value: 'domain', text: 'Sending domain' },
        ]}
        onChange={(value) => setRuleParams('groupBy', value)}
      />
      <SourcesParam {...props} withNamespaces />
    </EuiForm>
  );
}
