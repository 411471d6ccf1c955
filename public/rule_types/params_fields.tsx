import type { ReactElement } from 'react';
import { EuiFieldNumber, EuiFormRow, EuiSelect } from '@elastic/eui';
import type {
  IErrorObject,
  RuleTypeParamsExpressionProps,
} from '@kbn/triggers-actions-ui-plugin/public';
import { SourceComboBox } from '../components/view_filters/source_combo_box';
import { useConnections } from '../hooks/use_connections';
import type { ConnectionsApi } from '../services/connections_api';

/**
 * One field's problems as the params codec words them (common/alerting/rule_params.ts), with its
 * items' (`connectionIds.0`).
 */
function problemsOf(errors: IErrorObject, field: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((item): item is string => typeof item === 'string');
}

interface FieldProps {
  field: string;
  label: string;
  helpText: string;
  errors: IErrorObject;
}

/** A full-width row with the field's problems under it; `control` gets whether there are any. */
function ParamRow({
  field,
  label,
  helpText,
  errors,
  control,
}: FieldProps & { control: (isInvalid: boolean) => ReactElement }) {
  const problems = problemsOf(errors, field);
  return (
    <EuiFormRow
      fullWidth
      label={label}
      helpText={helpText}
      isInvalid={problems.length > 0}
      error={problems}
    >
      {control(problems.length > 0)}
    </EuiFormRow>
  );
}

export function NumberParam({
  field,
  label,
  helpText,
  errors,
  value,
  min,
  max,
  step = 1,
  onChange,
}: FieldProps & {
  value: number | undefined;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <ParamRow
      {...{ field, label, helpText, errors }}
      control={(isInvalid) => (
        <EuiFieldNumber
          fullWidth
          data-test-subj={`ruleParam-${field}`}
          value={value ?? ''}
          min={min}
          max={max}
          step={step}
          isInvalid={isInvalid}
          onChange={(event) =>
            onChange(event.target.value === '' ? undefined : Number(event.target.value))
          }
        />
      )}
    />
  );
}

export function ChoiceParam<Choice extends string>({
  field,
  label,
  helpText,
  errors,
  value,
  choices,
  onChange,
}: FieldProps & {
  value: Choice | undefined;
  choices: ReadonlyArray<{ value: Choice; text: string }>;
  onChange: (value: Choice) => void;
}) {
  return (
    <ParamRow
      {...{ field, label, helpText, errors }}
      control={(isInvalid) => (
        <EuiSelect
          fullWidth
          data-test-subj={`ruleParam-${field}`}
          value={value}
          options={[...choices]}
          isInvalid={isInvalid}
          onChange={(event) => onChange(event.target.value as Choice)}
        />
      )}
    />
  );
}

/** The params editors read the connections through the app's API, in Kibana's rule form too. */
export interface ConnectionsApiProp {
  connectionsApi: ConnectionsApi;
}

/** The params of a rule that reads some connections (and namespaces) only. */
interface SourcesParams {
  connectionIds?: string[];
  namespaces?: string[];
}

/**
 * The connections (an MSSP's tenants) and, for the rules that search message traces, the
 * namespaces a rule reads: the views' own filter. Emptied, a param is left out (every one).
 */
export function SourcesParam<Params extends SourcesParams>({
  connectionsApi,
  errors,
  ruleParams,
  setRuleParams,
  withNamespaces,
}: ConnectionsApiProp &
  Pick<RuleTypeParamsExpressionProps<Params>, 'errors' | 'ruleParams' | 'setRuleParams'> & {
    /** Collection health reads no data stream: its editor offers connections alone. */
    withNamespaces: boolean;
  }) {
  const { connections, error } = useConnections(connectionsApi);
  const problems = [...problemsOf(errors, 'connectionIds'), ...problemsOf(errors, 'namespaces')];
  const label = withNamespaces ? 'Connections and namespaces' : 'Connections';
  // Typed per rule type; `namespaces` is set only where the rule has it (withNamespaces).
  const set = setRuleParams as (key: keyof SourcesParams, value: string[] | undefined) => void;
  return (
    <EuiFormRow
      fullWidth
      label={label}
      helpText={
        error
          ? `The connections could not be read (${error.message}): the chosen ones show their IDs.`
          : 'The rule reads only these (one tenant of several, say); every connection when empty.'
      }
      isInvalid={problems.length > 0}
      error={problems}
    >
      <SourceComboBox
        fullWidth
        aria-label={label}
        connections={connections}
        connectionIds={ruleParams.connectionIds ?? []}
        namespaces={withNamespaces ? (ruleParams.namespaces ?? []) : undefined}
        onChange={(connectionIds, namespaces) => {
          set('connectionIds', connectionIds.length ? connectionIds : undefined);
          if (withNamespaces) set('namespaces', namespaces.length ? namespaces : undefined);
        }}
        isInvalid={problems.length > 0}
        data-test-subj="ruleParam-sources"
      />
    </EuiFormRow>
  );
}
