import moment from 'moment';
import {
  EuiButtonGroup,
  EuiDatePicker,
  EuiFieldText,
  EuiFormRow,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { EXPIRY_WARNING_DAYS } from './expiry_badge';
import { SecretField } from './secret_field';
import type { ConnectionForm } from './use_connection_form';

const AUTH_METHODS = [
  { id: 'secret', label: 'Client secret' },
  { id: 'certificate', label: 'Certificate' },
];

/** The Entra app registration: who signs in to Microsoft Graph, and with what. */
export function CredentialFields({ form }: { form: ConnectionForm }) {
  const { values, stored, setField, touch, errorsFor } = form;
  const textRow = (
    field: 'name' | 'tenantId' | 'clientId' | 'certificateThumbprint',
    label: string,
    helpText: string
  ) => {
    const errors = errorsFor(field);
    return (
      <EuiFormRow label={label} helpText={helpText} isInvalid={Boolean(errors)} error={errors}>
        <EuiFieldText
          value={values[field]}
          isInvalid={Boolean(errors)}
          onChange={(event) => setField(field, event.target.value)}
          onBlur={() => touch(field)}
          data-test-subj={`emtField-${field}`}
        />
      </EuiFormRow>
    );
  };
  const expiry = values.credentialExpiresAt ? moment(values.credentialExpiresAt) : null;
  const expiryErrors = errorsFor('credentialExpiresAt');

  return (
    <>
      {textRow('name', 'Name', 'Shown in the table and on the collected documents.')}
      <EuiSpacer size="m" />
      <EuiTitle size="xs">
        <h3>Microsoft Entra app</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {textRow(
        'tenantId',
        'Tenant',
        'The directory (tenant) ID, or one of its verified domains such as contoso.onmicrosoft.com.'
      )}
      {textRow('clientId', 'Application (client) ID', "The app registration's ID, a GUID.")}
      <EuiFormRow label="Sign in with">
        <EuiButtonGroup
          legend="Sign in with"
          options={AUTH_METHODS}
          idSelected={values.authMethod}
          onChange={(id) => {
            // A secret typed for the other method is not sent, so it is not kept either.
            setField('clientSecret', '');
            setField('certificatePrivateKey', '');
            setField('authMethod', id as typeof values.authMethod);
          }}
          buttonSize="compressed"
          data-test-subj="emtField-authMethod"
        />
      </EuiFormRow>
      {values.authMethod === 'secret' ? (
        <SecretField
          field="clientSecret"
          label="Client secret"
          input="password"
          isStored={stored.clientSecret}
          onChange={(value) => setField('clientSecret', value)}
          onBlur={() => touch('clientSecret')}
          errors={errorsFor('clientSecret')}
          helpText="The secret's value (not its ID). It is stored encrypted and never shown again."
        />
      ) : (
        <>
          {textRow(
            'certificateThumbprint',
            'Certificate thumbprint',
            'The SHA-1 or SHA-256 thumbprint shown under Certificates & secrets.'
          )}
          <SecretField
            field="certificatePrivateKey"
            label="Certificate private key"
            input="pemFile"
            isStored={stored.certificatePrivateKey}
            onChange={(value) => setField('certificatePrivateKey', value)}
            onBlur={() => touch('certificatePrivateKey')}
            errors={errorsFor('certificatePrivateKey')}
            helpText="A PEM file with the private key, and the certificate too if you have it (its thumbprint is then checked and its expiry read). Read in the browser, stored encrypted, never shown again."
          />
        </>
      )}
      <EuiFormRow
        label="Expires on"
        helpText={`The page warns ${EXPIRY_WARNING_DAYS} days before, so you can rotate it in time. A certificate pasted with its key brings its own date.`}
        isInvalid={Boolean(expiryErrors)}
        error={expiryErrors}
      >
        <EuiDatePicker
          selected={expiry}
          onChange={(date) =>
            setField('credentialExpiresAt', date ? date.clone().startOf('day').toISOString() : '')
          }
          onClear={() => setField('credentialExpiresAt', '')}
          dateFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          fullWidth
          isInvalid={Boolean(expiryErrors)}
          data-test-subj="emtField-credentialExpiresAt"
        />
      </EuiFormRow>
    </>
  );
}
