import { useCallback, useMemo, useState } from 'react';
import type { ConnectionView } from '../../../common/http_api/connections';
import { badRequestLines } from '../../services/http_errors';
import {
  NO_STORED_SECRETS,
  fieldErrorsFromLines,
  initialFormValues,
  validateConnectionForm,
  type ConnectionFormValues,
  type FieldErrors,
  type FormField,
} from './connection_form_model';

/**
 * The connection form's state. The codec's errors show inline once a field was left (or on save);
 * a 400 from the server shows on its fields until they change, anything else above the form.
 */
export function useConnectionForm(connection?: ConnectionView) {
  const stored = connection?.secrets ?? NO_STORED_SECRETS;
  const [initialValues] = useState(() => initialFormValues(connection));
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [revealAll, setRevealAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const validation = useMemo(() => validateConnectionForm(values, stored), [values, stored]);
  /** Whether anything was typed or chosen: closing then loses it. */
  const changed = useMemo(
    () => JSON.stringify(values) !== JSON.stringify(initialValues),
    [values, initialValues]
  );

  const setField = useCallback(<K extends FormField>(field: K, value: ConnectionFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors(({ [field]: _cleared, ...others }) => others);
  }, []);

  const touch = useCallback((...fields: FormField[]) => {
    setTouched((current) => new Set([...current, ...fields]));
  }, []);

  const errorsFor = (field: FormField): string[] | undefined =>
    serverErrors[field] ?? (revealAll || touched.has(field) ? validation.errors[field] : undefined);

  /** Shows a 400's reasons in the form; returns false for other failures (toast them). */
  const showServerErrors = (error: unknown): boolean => {
    const lines = badRequestLines(error);
    if (!lines) return false;
    const { fields, other } = fieldErrorsFromLines(lines, values);
    setServerErrors(fields);
    setFormErrors(other);
    return true;
  };

  return {
    values,
    stored,
    validation,
    changed,
    formErrors,
    setField,
    touch,
    errorsFor,
    showServerErrors,
    revealErrors: () => setRevealAll(true),
    clearFormErrors: () => setFormErrors([]),
  };
}

export type ConnectionForm = ReturnType<typeof useConnectionForm>;
