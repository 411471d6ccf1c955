import { Suspense, useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import type { RuleTypeParamsExpressionProps } from '@kbn/triggers-actions-ui-plugin/public';
import { FEATURE_ID } from '../../common/constants';
import type { RuleTypeId } from '../../common/alerting/rule_params';
import { useAppServices } from '../components/app_services';
import { ViewErrorCallOut } from '../components/view_error_call_out';
import { ruleTypeModels } from './rule_type_models';

/** Kibana's rule create API (alerting/server/routes/rule/apis/create). */
const CREATE_RULE_API_PATH = '/api/alerting/rule';
/** Kibana's duration format for a rule's schedule (alerting/common/parse_duration.ts). */
const INTERVAL = /^[1-9][0-9]*[smhd]$/;

const hasErrors = (errors: Record<string, string[]>) =>
  Object.values(errors).some((problems) => problems.length > 0);

export interface CreateRuleFlyoutProps {
  ruleTypeId: RuleTypeId;
  title: string;
  initialName: string;
  initialParams: Record<string, unknown>;
  onClose(): void;
}

/**
 * Creates one of our rules with the page's values filled in, through Kibana's rule API as the
 * user. triggersActionsUi's start contract offers no rule form flyout to open from a plugin
 * (../shared/reference/kibana_alerting_contracts.md §6.2), so the rule's actions are added in
 * Stack Management → Rules, which the toast says.
 */
export function CreateRuleFlyout({
  ruleTypeId,
  title,
  initialName,
  initialParams,
  onClose,
}: CreateRuleFlyoutProps) {
  const { core, api } = useAppServices();
  const model = useMemo(
    () => ruleTypeModels(api).find((candidate) => candidate.id === ruleTypeId)!,
    [api, ruleTypeId]
  );
  const [name, setName] = useState(initialName);
  const [interval, setInterval] = useState('5m');
  const [params, setParams] = useState<Record<string, unknown>>(initialParams);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Error>();
  const paramErrors = useMemo(() => model.validate(params).errors, [model, params]);
  const nameProblem = name.trim() ? undefined : 'A rule needs a name.';
  const intervalProblem = INTERVAL.test(interval)
    ? undefined
    : 'Write it as a number and a unit, like 5m, 1h or 1d.';
  const Expression = model.ruleParamsExpression as React.ComponentType<
    RuleTypeParamsExpressionProps<Record<string, unknown>>
  >;

  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      const rule = await core.http.post<{ id: string }>(CREATE_RULE_API_PATH, {
        body: JSON.stringify({
          name: name.trim(),
          rule_type_id: ruleTypeId,
          consumer: FEATURE_ID,
          schedule: { interval },
          params,
          actions: [],
        }),
      });
      core.notifications.toasts.addSuccess({
        title: `Rule "${name.trim()}" created`,
        text: 'It runs now and then every interval. Add how it tells you (email, Slack, Teams, a webhook…) in Stack Management → Rules.',
        'data-test-subj': `emtRuleCreated-${rule.id}`,
      });
      onClose();
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus data-test-subj="emtCreateRuleFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2>{title}</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {failure && (
          <>
            <ViewErrorCallOut
              title="The rule could not be created"
              error={failure}
              data-test-subj="emtCreateRuleError"
            />
            <EuiSpacer />
          </>
        )}
        <EuiForm fullWidth>
          <EuiFormRow fullWidth label="Name" isInvalid={!!nameProblem} error={nameProblem}>
            <EuiFieldText
              fullWidth
              value={name}
              isInvalid={!!nameProblem}
              onChange={(event) => setName(event.target.value)}
              data-test-subj="emtRuleName"
            />
          </EuiFormRow>
          <EuiFormRow
            fullWidth
            label="Check every"
            helpText="How often the rule runs."
            isInvalid={!!intervalProblem}
            error={intervalProblem}
          >
            <EuiFieldText
              fullWidth
              value={interval}
              isInvalid={!!intervalProblem}
              onChange={(event) => setInterval(event.target.value)}
              data-test-subj="emtRuleInterval"
            />
          </EuiFormRow>
        </EuiForm>
        <EuiSpacer />
        <Suspense fallback={<EuiLoadingSpinner />}>
          <Expression
            ruleParams={params}
            ruleInterval={interval}
            ruleThrottle=""
            alertNotifyWhen="onActionGroupChange"
            setRuleParams={(key, value) => setParams((current) => ({ ...current, [key]: value }))}
            setRuleProperty={() => undefined}
            onChangeMetaData={() => undefined}
            errors={paramErrors}
            defaultActionGroupId=""
            actionGroups={[]}
          />
        </Suspense>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween">
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose}>Cancel</EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton
              fill
              isLoading={saving}
              isDisabled={!!nameProblem || !!intervalProblem || hasErrors(paramErrors)}
              onClick={save}
              data-test-subj="emtSaveRule"
            >
              Create rule
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}
