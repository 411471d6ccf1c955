import { useState, type FormEvent } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiHorizontalRule,
  EuiSpacer,
  EuiTitle,
  useGeneratedHtmlId,
} from '@elastic/eui';
import type { ConnectionView, TestConnectionResponse } from '../../../common/http_api/connections';
import { useAppServices } from '../../components/app_services';
import { CollectionFields } from './collection_fields';
import { TEST_FIELDS, validateTestRequest } from './connection_form_model';
import { ConnectionTestResults } from './connection_test_results';
import { CredentialFields } from './credential_fields';
import { DiscardChangesModal } from './discard_changes_modal';
import { DomainFields } from './domain_fields';
import { useConnectionForm } from './use_connection_form';

interface ConnectionFlyoutProps {
  /** The connection to edit; none to create one. */
  connection?: ConnectionView;
  onClose(): void;
  onSaved(connection: ConnectionView): void;
}

/** Create or edit a connection, and test its credentials against Microsoft before saving. */
export function ConnectionFlyout({ connection, onClose, onSaved }: ConnectionFlyoutProps) {
  const { api, core } = useAppServices();
  const form = useConnectionForm(connection);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<TestConnectionResponse>();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const titleId = useGeneratedHtmlId({ prefix: 'emtConnectionFlyoutTitle' });
  const formId = useGeneratedHtmlId({ prefix: 'emtConnectionForm' });
  const { toasts } = core.notifications;

  /** The credentials as the test and domain discovery routes take them, or undefined if invalid. */
  const credentials = () => {
    form.touch(...TEST_FIELDS);
    return validateTestRequest(form.values, form.stored, connection?.id).request;
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    form.revealErrors();
    form.clearFormErrors();
    const { request } = form.validation;
    if (!request) return;
    setSaving(true);
    try {
      const saved = connection
        ? await api.update(connection.id, request)
        : await api.create(request);
      toasts.addSuccess(`Saved "${saved.settings.name}"`);
      onSaved(saved);
    } catch (error) {
      if (!form.showServerErrors(error)) {
        toasts.addError(error as Error, { title: 'Could not save the connection' });
      }
    } finally {
      setSaving(false);
    }
  };

  /** Cancel, Escape and the close button alike: what was typed is only dropped when confirmed. */
  const cancel = () => (form.changed ? setConfirmingCancel(true) : onClose());

  const test = async () => {
    const request = credentials();
    if (!request) return;
    setTesting(true);
    setTestResult(undefined);
    try {
      setTestResult(await api.test(request));
    } catch (error) {
      if (!form.showServerErrors(error)) {
        toasts.addError(error as Error, { title: 'Could not test the connection' });
      }
    } finally {
      setTesting(false);
    }
  };

  return (
    <EuiFlyout
      onClose={cancel}
      aria-labelledby={titleId}
      size="m"
      ownFocus
      data-test-subj="emtConnectionFlyout"
    >
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id={titleId}>
            {connection ? `Edit ${connection.settings.name}` : 'Create connection'}
          </h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {form.formErrors.length > 0 && (
          <>
            <EuiCallOut
              color="danger"
              iconType="error"
              title="The server did not accept the connection"
              data-test-subj="emtFormErrors"
            >
              {form.formErrors.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </EuiCallOut>
            <EuiSpacer />
          </>
        )}
        <EuiForm id={formId} component="form" onSubmit={save} noValidate fullWidth>
          <CredentialFields form={form} />
          <EuiHorizontalRule />
          <DomainFields form={form} credentials={credentials} />
          <EuiHorizontalRule />
          <CollectionFields form={form} />
        </EuiForm>
        {testResult && (
          <>
            <EuiHorizontalRule />
            <ConnectionTestResults result={testResult} />
          </>
        )}
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={cancel} flush="left" data-test-subj="emtCancelConnection">
              Cancel
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiFlexGroup gutterSize="s" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiButton
                  iconType="check"
                  isLoading={testing}
                  onClick={test}
                  data-test-subj="emtTestConnection"
                >
                  Test connection
                </EuiButton>
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiButton
                  fill
                  type="submit"
                  form={formId}
                  isLoading={saving}
                  data-test-subj="emtSaveConnection"
                >
                  {connection ? 'Save' : 'Create'}
                </EuiButton>
              </EuiFlexItem>
            </EuiFlexGroup>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
      {confirmingCancel && (
        <DiscardChangesModal
          editing={Boolean(connection)}
          onKeepEditing={() => setConfirmingCancel(false)}
          onDiscard={onClose}
        />
      )}
    </EuiFlyout>
  );
}
