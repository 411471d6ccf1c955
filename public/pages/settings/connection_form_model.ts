import type * as t from 'io-ts';
import { formatCodecErrors } from '../../../common/codec_errors';
import { CONNECTION_DEFAULTS, type ConnectionSettings } from '../../../common/connection';
import {
  createConnectionRequestCodec,
  testConnectionRequestCodec,
  type ConnectionView,
  type CreateConnectionRequest,
  type TestConnectionRequest,
} from '../../../common/http_api/connections';

/** What the form edits: numbers as typed text, secrets only as newly entered values. */
export interface ConnectionFormValues {
  name: string;
  tenantId: string;
  clientId: string;
  authMethod: ConnectionSettings['authMethod'];
  clientSecret: string;
  certificatePrivateKey: string;
  certificateThumbprint: string;
  credentialExpiresAt: string;
  localDomains: string[];
  matchSubdomains: boolean;
  namespace: string;
  intervalMinutes: string;
  lookbackDays: string;
  rereadHours: string;
  requestBudget: string;
  detailPolicy: ConnectionSettings['detailPolicy'];
  enabled: boolean;
}

export type FormField = keyof ConnectionFormValues;
export type FieldErrors = Partial<Record<FormField, string[]>>;
export type StoredSecrets = ConnectionView['secrets'];

const FORM_FIELDS = new Set<string>([
  'name',
  'tenantId',
  'clientId',
  'authMethod',
  'clientSecret',
  'certificatePrivateKey',
  'certificateThumbprint',
  'credentialExpiresAt',
  'localDomains',
  'matchSubdomains',
  'namespace',
  'intervalMinutes',
  'lookbackDays',
  'rereadHours',
  'requestBudget',
  'detailPolicy',
  'enabled',
]);

export const NO_STORED_SECRETS: StoredSecrets = {
  clientSecret: false,
  certificatePrivateKey: false,
};

/** The fields a connection test sends (the test codec's fields and the secrets). */
export const TEST_FIELDS: FormField[] = [
  'tenantId',
  'clientId',
  'authMethod',
  'clientSecret',
  'certificatePrivateKey',
  'certificateThumbprint',
];

export function initialFormValues(connection?: ConnectionView): ConnectionFormValues {
  const settings = connection?.settings;
  const defaults = CONNECTION_DEFAULTS;
  return {
    name: settings?.name ?? '',
    tenantId: settings?.tenantId ?? '',
    clientId: settings?.clientId ?? '',
    authMethod: settings?.authMethod ?? 'secret',
    clientSecret: '',
    certificatePrivateKey: '',
    certificateThumbprint: settings?.certificateThumbprint ?? '',
    credentialExpiresAt: settings?.credentialExpiresAt ?? '',
    localDomains: settings?.localDomains ?? [],
    matchSubdomains: settings?.matchSubdomains ?? defaults.matchSubdomains,
    namespace: settings?.namespace ?? defaults.namespace,
    intervalMinutes: String(settings?.intervalMinutes ?? defaults.intervalMinutes),
    lookbackDays: String(settings?.lookbackDays ?? defaults.lookbackDays),
    rereadHours: String(settings?.rereadHours ?? defaults.rereadHours),
    requestBudget: String(settings?.requestBudget ?? defaults.requestBudget),
    detailPolicy: settings?.detailPolicy ?? defaults.detailPolicy,
    enabled: settings?.enabled ?? defaults.enabled,
  };
}

/** Empty text is not zero: it reaches the codec as NaN, so the codec's own message applies. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const optional = <K extends string>(key: K, value: string) =>
  value.trim() === '' ? {} : ({ [key]: value.trim() } as Record<K, string>);

/** Only the secret the auth method uses, and only when one was typed (else the stored one stays). */
function enteredSecrets(values: ConnectionFormValues) {
  return values.authMethod === 'secret'
    ? optional('clientSecret', values.clientSecret)
    : optional('certificatePrivateKey', values.certificatePrivateKey);
}

function toRequest(values: ConnectionFormValues): unknown {
  return {
    name: values.name.trim(),
    tenantId: values.tenantId.trim(),
    clientId: values.clientId.trim(),
    authMethod: values.authMethod,
    localDomains: values.localDomains,
    matchSubdomains: values.matchSubdomains,
    namespace: values.namespace.trim(),
    intervalMinutes: toNumber(values.intervalMinutes),
    lookbackDays: toNumber(values.lookbackDays),
    rereadHours: toNumber(values.rereadHours),
    requestBudget: toNumber(values.requestBudget),
    detailPolicy: values.detailPolicy,
    enabled: values.enabled,
    ...(values.authMethod === 'certificate'
      ? optional('certificateThumbprint', values.certificateThumbprint)
      : {}),
    ...optional('credentialExpiresAt', values.credentialExpiresAt),
    ...enteredSecrets(values),
  };
}

/** The auth method's secret must be typed unless the connection already stores one. */
function missingCredentials(values: ConnectionFormValues, stored: StoredSecrets): FieldErrors {
  if (values.authMethod === 'secret') {
    return !stored.clientSecret && values.clientSecret === ''
      ? { clientSecret: ['a client secret is required'] }
      : {};
  }
  return {
    ...(!stored.certificatePrivateKey && values.certificatePrivateKey === ''
      ? { certificatePrivateKey: ['the certificate private key is required'] }
      : {}),
    ...(values.certificateThumbprint.trim() === ''
      ? { certificateThumbprint: ["the certificate's thumbprint is required"] }
      : {}),
  };
}

/**
 * Turns `field: reason` lines (formatCodecErrors, or a 400 from the server) into errors by form
 * field. `secrets.clientSecret` is the clientSecret field; `localDomains.2` names the domain.
 */
export function fieldErrorsFromLines(
  lines: string[],
  values: ConnectionFormValues
): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const line of lines) {
    const match = /^([\w.]+): (.*)$/s.exec(line);
    const path = match?.[1]?.split('.') ?? [];
    const field = path[0] === 'secrets' ? path[1] : path[0];
    if (!match || !field || !FORM_FIELDS.has(field)) {
      other.push(line);
      continue;
    }
    const key = field as FormField;
    const domain = key === 'localDomains' ? values.localDomains[Number(path[1])] : undefined;
    const reason = domain === undefined ? match[2]! : `"${domain}" ${match[2]!}`;
    fields[key] = [...(fields[key] ?? []), reason];
  }
  return { fields, other };
}

function mergeErrors(...all: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const errors of all) {
    for (const [field, reasons] of Object.entries(errors) as Array<[FormField, string[]]>) {
      merged[field] = [...(merged[field] ?? []), ...reasons];
    }
  }
  return merged;
}

function decodeWith<T>(
  codec: t.Decoder<unknown, T>,
  input: unknown,
  values: ConnectionFormValues,
  required: FieldErrors
): { request?: T; errors: FieldErrors } {
  const decoded = codec.decode(input);
  const codecErrors =
    decoded._tag === 'Left' ? fieldErrorsFromLines(formatCodecErrors(decoded.left), values) : null;
  const errors = mergeErrors(codecErrors?.fields ?? {}, required);
  const valid = decoded._tag === 'Right' && Object.keys(errors).length === 0;
  return valid ? { request: decoded.right, errors } : { errors };
}

/** The save request, checked by the same codec the route validates with. */
export function validateConnectionForm(
  values: ConnectionFormValues,
  stored: StoredSecrets
): { request?: CreateConnectionRequest; errors: FieldErrors } {
  return decodeWith(
    createConnectionRequestCodec,
    toRequest(values),
    values,
    missingCredentials(values, stored)
  );
}

/** The test request: when editing, a secret left empty is the stored one (`connectionId`). */
export function validateTestRequest(
  values: ConnectionFormValues,
  stored: StoredSecrets,
  connectionId?: string
): { request?: TestConnectionRequest; errors: FieldErrors } {
  const input = {
    tenantId: values.tenantId.trim(),
    clientId: values.clientId.trim(),
    authMethod: values.authMethod,
    secrets: enteredSecrets(values),
    ...(connectionId ? { connectionId } : {}),
    ...(values.authMethod === 'certificate'
      ? optional('certificateThumbprint', values.certificateThumbprint)
      : {}),
  };
  return decodeWith(testConnectionRequestCodec, input, values, missingCredentials(values, stored));
}
