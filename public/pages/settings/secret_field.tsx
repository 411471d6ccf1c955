import { useState, type ReactNode } from 'react';
import {
  EuiBadge,
  EuiButtonEmpty,
  EuiFieldPassword,
  EuiFilePicker,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
} from '@elastic/eui';

interface SecretFieldProps {
  field: 'clientSecret' | 'certificatePrivateKey';
  label: string;
  /** A password box, or a PEM file read in the browser (never shown). */
  input: 'password' | 'pemFile';
  /** The server says a value is stored; it never sends the value. */
  isStored: boolean;
  onChange(value: string): void;
  onBlur?(): void;
  errors?: string[];
  helpText?: ReactNode;
}

/**
 * A write-only field. A stored secret shows as "set", with a button to replace it; a new value is
 * typed into an uncontrolled password box (so it never lands in a DOM attribute) or read from a
 * file, and this component never renders it back.
 */
export function SecretField({
  field,
  label,
  input,
  isStored,
  onChange,
  onBlur,
  errors,
  helpText,
}: SecretFieldProps) {
  const [replacing, setReplacing] = useState(!isStored);
  const testSubj = `emtField-${field}`;
  const keepStored = () => {
    onChange('');
    setReplacing(false);
  };

  if (!replacing) {
    return (
      <EuiFormRow
        label={label}
        helpText={helpText}
        isInvalid={Boolean(errors?.length)}
        error={errors}
      >
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiBadge color="success" iconType="lock" data-test-subj="emtSecretSet">
              {input === 'password' ? 'Secret is set' : 'Private key is set'}
            </EuiBadge>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty
              size="s"
              iconType="refresh"
              onClick={() => setReplacing(true)}
              data-test-subj="emtReplaceSecret"
            >
              Replace
            </EuiButtonEmpty>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFormRow>
    );
  }

  const isInvalid = Boolean(errors?.length);
  return (
    <EuiFormRow
      label={label}
      helpText={helpText}
      isInvalid={isInvalid}
      error={errors}
      labelAppend={
        isStored ? (
          <EuiButtonEmpty size="xs" onClick={keepStored} data-test-subj="emtKeepSecret">
            Keep the current one
          </EuiButtonEmpty>
        ) : undefined
      }
    >
      {input === 'password' ? (
        <EuiFieldPassword
          type="password"
          autoComplete="new-password"
          isInvalid={isInvalid}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          data-test-subj={testSubj}
        />
      ) : (
        <EuiFilePicker
          accept=".pem,.key,application/x-pem-file"
          initialPromptText="Select or drag the private key file (PEM)"
          isInvalid={isInvalid}
          display="default"
          fullWidth
          onChange={(files) => {
            const read = files?.[0]?.text() ?? Promise.resolve('');
            void read.then((pem) => {
              onChange(pem);
              onBlur?.();
            });
          }}
          data-test-subj={testSubj}
        />
      )}
    </EuiFormRow>
  );
}
