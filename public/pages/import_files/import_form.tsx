import {
  EuiButton,
  EuiButtonEmpty,
  EuiComboBox,
  EuiFieldText,
  EuiFilePicker,
  EuiFlexGrid,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
} from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import {
  DATE_CULTURES,
  FILE_FORMATS,
  type DateCulture,
  type FileFormat,
} from '../../../common/http_api/files';
import { DETECT_FORMAT, importFormErrors, type ImportFormValues } from './import_form_model';

const FORMAT_LABELS: Record<FileFormat, string> = {
  powershell_csv: 'PowerShell Export-Csv (Get-MessageTrace, Get-MessageTraceV2)',
  eac_report_csv: 'Exchange admin center message trace report (CSV)',
  graph_json: 'Microsoft Graph JSON (a response page or an array)',
  graph_ndjson: 'Microsoft Graph NDJSON (one row per line)',
  legacy_ndjson: 'Reporting Web Service NDJSON (legacy)',
};

/** How Windows PowerShell 5.1 writes 20 November 2026, 15:04:05 in each culture. */
const CULTURE_EXAMPLES: Record<DateCulture, string> = {
  'en-US': '11/20/2026 3:04:05 PM',
  'en-GB': '20/11/2026 15:04:05',
  'de-DE': '20.11.2026 15:04:05',
  'fr-FR': '20/11/2026 15:04:05',
  'nl-NL': '20-11-2026 15:04:05',
  'ja-JP': '2026/11/20 15:04:05',
};

interface ImportFormProps {
  values: ImportFormValues;
  onChange(values: ImportFormValues): void;
  /** Undefined while loading. */
  connections?: ConnectionView[];
  connectionsError?: Error;
  isImporting: boolean;
  onImport(): void;
  onCancel(): void;
}

function connectionLabel({ settings }: ConnectionView): string {
  const domains = settings.localDomains.join(', ');
  return domains ? `${settings.name} (${domains})` : settings.name;
}

/** The files to import and how to read them: format, time zone, date culture, local domains. */
export function ImportForm({
  values,
  onChange,
  connections,
  connectionsError,
  isImporting,
  onImport,
  onCancel,
}: ImportFormProps) {
  const errors = importFormErrors(values);
  const set = (change: Partial<ImportFormValues>) => onChange({ ...values, ...change });
  const addDomain = (typed: string) => {
    const domain = typed.trim().toLowerCase();
    if (domain && !values.localDomains.includes(domain)) {
      set({ localDomains: [...values.localDomains, domain] });
    }
  };
  const chosen = connections?.find((connection) => connection.id === values.connectionId);

  return (
    <>
      <EuiFormRow
        label="Message trace exports"
        helpText="CSV, JSON or NDJSON, gzip-compressed or not; drop several files to import them one after the other."
        fullWidth
      >
        <EuiFilePicker
          multiple
          fullWidth
          display="large"
          initialPromptText="Select or drag and drop message trace exports"
          onChange={(files) => set({ files: files ? Array.from(files) : [] })}
          disabled={isImporting}
          data-test-subj="emtImportFilePicker"
        />
      </EuiFormRow>
      <EuiFlexGrid columns={2} gutterSize="l">
        <EuiFlexItem>
          <EuiFormRow
            label="Format"
            helpText="Recognised from the file's first bytes unless chosen."
          >
            <EuiSelect
              options={[
                { value: DETECT_FORMAT, text: 'Detect automatically' },
                ...FILE_FORMATS.map((format) => ({ value: format, text: FORMAT_LABELS[format] })),
              ]}
              value={values.format}
              onChange={(event) =>
                set({ format: event.target.value as ImportFormValues['format'] })
              }
              data-test-subj="emtImportFormat"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow
            label="Time zone"
            helpText="For times the file writes without a zone (IANA name, e.g. Europe/Berlin)."
            isInvalid={Boolean(errors.timezone)}
            error={errors.timezone}
          >
            <EuiFieldText
              value={values.timezone}
              onChange={(event) => set({ timezone: event.target.value })}
              isInvalid={Boolean(errors.timezone)}
              data-test-subj="emtImportTimezone"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow
            label="Date culture"
            helpText="Windows PowerShell 5.1 writes dates in the exporting machine's culture."
          >
            <EuiSelect
              options={DATE_CULTURES.map((culture) => ({
                value: culture,
                text: `${culture} (${CULTURE_EXAMPLES[culture]})`,
              }))}
              value={values.dateCulture}
              onChange={(event) => set({ dateCulture: event.target.value as DateCulture })}
              data-test-subj="emtImportDateCulture"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow
            label="Local domains from"
            helpText={
              chosen
                ? `Its local domains, namespace (${chosen.settings.namespace}) and organization.`
                : 'A connection, or the domains typed below (namespace default).'
            }
            isInvalid={Boolean(connectionsError)}
            error={connectionsError && `Cannot list the connections: ${connectionsError.message}`}
          >
            <EuiSelect
              options={[
                { value: '', text: 'Domains typed here' },
                ...(connections ?? []).map((connection) => ({
                  value: connection.id,
                  text: connectionLabel(connection),
                })),
              ]}
              value={values.connectionId}
              isLoading={connections === undefined && !connectionsError}
              onChange={(event) => set({ connectionId: event.target.value })}
              data-test-subj="emtImportConnection"
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGrid>
      {!values.connectionId && (
        <EuiFormRow
          label="Local domains"
          helpText="Mail to or from these domains is inbound or outbound; without any, direction stays unset."
          isInvalid={Boolean(errors.localDomains)}
          error={errors.localDomains}
          fullWidth
        >
          <EuiComboBox
            noSuggestions
            fullWidth
            placeholder="contoso.com"
            selectedOptions={values.localDomains.map((domain) => ({ label: domain }))}
            onCreateOption={addDomain}
            onChange={(options) => set({ localDomains: options.map((option) => option.label) })}
            delimiter=","
            isInvalid={Boolean(errors.localDomains)}
            data-test-subj="emtImportLocalDomains"
          />
        </EuiFormRow>
      )}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButton
            fill
            iconType="importAction"
            isLoading={isImporting}
            isDisabled={isImporting || Object.keys(errors).length > 0}
            onClick={onImport}
            data-test-subj="emtImportStart"
          >
            Import
          </EuiButton>
        </EuiFlexItem>
        {isImporting && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onCancel} data-test-subj="emtImportCancel">
              Cancel
            </EuiButtonEmpty>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
    </>
  );
}
