import {
  EuiFieldNumber,
  EuiFieldText,
  EuiFlexGrid,
  EuiFlexItem,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
  EuiSwitch,
  EuiTitle,
} from '@elastic/eui';
import type { ConnectionForm } from './use_connection_form';

type NumberField = 'intervalMinutes' | 'lookbackDays' | 'rereadHours' | 'requestBudget';

const NUMBER_FIELDS: Array<{ field: NumberField; label: string; helpText: string }> = [
  { field: 'intervalMinutes', label: 'Run every (minutes)', helpText: '1 to 1440.' },
  {
    field: 'lookbackDays',
    label: 'First run reads back (days)',
    helpText: 'Up to 90, what Microsoft keeps.',
  },
  {
    field: 'rereadHours',
    label: 'Re-read (hours)',
    helpText: 'Catches late rows and status changes; 0 to 240.',
  },
  {
    field: 'requestBudget',
    label: 'Request budget',
    helpText: 'Graph requests per 5 minutes for this tenant; 1 to 100.',
  },
];

const DETAIL_POLICIES = [
  { value: 'none', text: 'None' },
  { value: 'problems', text: 'Messages with problems' },
  { value: 'all', text: 'All messages' },
];

/** Where the documents go and how often, how far back and how hard collection reads. */
export function CollectionFields({ form }: { form: ConnectionForm }) {
  const { values, setField, touch, errorsFor } = form;
  const namespaceErrors = errorsFor('namespace');

  return (
    <>
      <EuiTitle size="xs">
        <h3>Collection</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiFormRow
        label="Data stream namespace"
        helpText="The last part of the data stream's name (logs-<dataset>-<namespace>), e.g. per tenant."
        isInvalid={Boolean(namespaceErrors)}
        error={namespaceErrors}
      >
        <EuiFieldText
          value={values.namespace}
          isInvalid={Boolean(namespaceErrors)}
          onChange={(event) => setField('namespace', event.target.value)}
          onBlur={() => touch('namespace')}
          data-test-subj="emtField-namespace"
        />
      </EuiFormRow>
      <EuiFlexGrid columns={2} gutterSize="m">
        {NUMBER_FIELDS.map(({ field, label, helpText }) => {
          const errors = errorsFor(field);
          return (
            <EuiFlexItem key={field}>
              <EuiFormRow
                label={label}
                helpText={helpText}
                isInvalid={Boolean(errors)}
                error={errors}
              >
                <EuiFieldNumber
                  value={values[field]}
                  isInvalid={Boolean(errors)}
                  onChange={(event) => setField(field, event.target.value)}
                  onBlur={() => touch(field)}
                  data-test-subj={`emtField-${field}`}
                />
              </EuiFormRow>
            </EuiFlexItem>
          );
        })}
      </EuiFlexGrid>
      <EuiFormRow
        label="Per-recipient event trail"
        helpText="Also read each recipient's delivery events, within the request budget."
      >
        <EuiSelect
          options={DETAIL_POLICIES}
          value={values.detailPolicy}
          onChange={(event) =>
            setField('detailPolicy', event.target.value as typeof values.detailPolicy)
          }
          data-test-subj="emtField-detailPolicy"
        />
      </EuiFormRow>
      <EuiFormRow>
        <EuiSwitch
          label="Collect on a schedule"
          checked={values.enabled}
          onChange={(event) => setField('enabled', event.target.checked)}
          data-test-subj="emtField-enabled"
        />
      </EuiFormRow>
    </>
  );
}
