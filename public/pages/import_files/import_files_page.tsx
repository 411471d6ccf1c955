import { useState } from 'react';
import { EuiPageTemplate, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { useAppServices } from '../../components/app_services';
import { useFetch } from '../../hooks/use_fetch';
import { ImportForm } from './import_form';
import { INITIAL_IMPORT_FORM, importQueryOf } from './import_form_model';
import { ImportProgressBar } from './import_progress_bar';
import { ImportResultPanel } from './import_result_panel';
import { useFileImport } from './use_file_import';

/**
 * Message-trace exports uploaded from the browser: history older than Graph's 90 days, or tenants
 * that cannot grant API access. Rows already stored, by an earlier import or the collector, are
 * left as they are.
 */
export function ImportFilesPage() {
  const { api } = useAppServices();
  const [values, setValues] = useState(INITIAL_IMPORT_FORM);
  const connections = useFetch('connections', (signal) => api.list(signal));
  const { progress, imported, isImporting, start, cancel } = useFileImport();

  return (
    <EuiPageTemplate.Section data-test-subj="emtImportFilesPage">
      <EuiTitle size="s">
        <h2>Import message trace exports</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          PowerShell Get-MessageTrace exports, the Exchange admin center&apos;s report, Graph JSON
          or NDJSON and the legacy Reporting Web Service NDJSON. Rows already stored, by an earlier
          import or by a connection, are not added again.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      <ImportForm
        values={values}
        onChange={setValues}
        connections={connections.data?.connections}
        connectionsError={connections.error}
        isImporting={isImporting}
        onImport={() => start(values.files, importQueryOf(values))}
        onCancel={cancel}
      />
      {progress && (
        <>
          <EuiSpacer size="l" />
          <ImportProgressBar progress={progress} />
        </>
      )}
      {imported.map(({ fileName, summary }, index) => (
        <div key={`${index}-${fileName}`}>
          <EuiSpacer size="l" />
          <ImportResultPanel fileName={fileName} summary={summary} />
        </div>
      ))}
    </EuiPageTemplate.Section>
  );
}
