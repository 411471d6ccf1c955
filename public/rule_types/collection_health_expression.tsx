import { EuiForm } from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import type { CollectionHealthParams } from '../../common/alerting/rule_params';
import { NumberParam, SourcesParam, type ConnectionsApiProp } from './params_fields';

type Props = ConnectionsApiProp & RuleTypeParamsExpressionProps<Partial<CollectionHealthParams>>;

export default function CollectionHealthExpression(props: Props) {
  const { ruleParams, setRuleParams, errors } = props;
  return (
    <EuiForm fullWidth>
      <NumberParam
        field="throttledMinutes"
        label="Throttled for longer than (minutes)"
        helpText="Alert when Microsoft Graph has throttled a connection with no successful run for this long. A refused sign-in or a missing service principal alerts at once."
        errors={errors}
        value={ruleParams.throttledMinutes}
        min={1}
        max={10080}
        onChange={(value) => setRuleParams('throttledMinutes', value)}
      />
      <NumberParam
        field="lagMinutes"
        label="Collection behind by more than (minutes)"
        helpText="Alert when the newest message traces collected were received longer ago than this."
        errors={errors}
        value={ruleParams.lagMinutes}
        min={5}
        max={43200}
        onChange={(value) => setRuleParams('lagMinutes', value)}
      />
      <NumberParam
        field="expiryDays"
        label="Secret or certificate expires within (days)"
        helpText="Alert this many days before a connection's client secret or certificate expires."
        errors={errors}
        value={ruleParams.expiryDays}
        min={1}
        max={365}
        onChange={(value) => setRuleParams('expiryDays', value)}
      />
      <SourcesParam {...props} withNamespaces={false} />
    </EuiForm>
  );
}
