import type { ReactElement } from 'react';
import { EuiFieldNumber, EuiFormRow, EuiSelect } from '@elastic/eui';
import type { IErrorObject } from '@kbn/triggers-actions-ui-plugin/public';

/** One field's problems as the params codec words them (common/alerting/rule_params.ts). */
function problemsOf(errors: IErrorObject, field: string): string[] {
  const value = errors[field];
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string');
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
