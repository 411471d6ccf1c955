import * as t from 'io-ts';
import { boundedList, refined } from './bounded_codecs';
import { hasControlCharacters } from './control_characters';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;
/** Elastic's rules for a data stream namespace (it ends up in the index name). */
const NAMESPACE = /^(?!_)[a-z0-9_]{1,100}$/;
/** Kibana gives connections (encrypted saved objects) UUIDs; tests and imports use short names. */
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A PEM private key, with its certificate and chain, fits in this many characters. */
export const MAX_PEM_LENGTH = 32_768;
/** Entra ID allows a tenant at most 5,000 domains, so a tenant's whole list fits. */
export const MAX_LOCAL_DOMAINS = 5000;
const THUMBPRINT = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

export const boundedInt = (name: string, min: number, max: number, unit: string) =>
  refined(
    t.number,
    name,
    (n) => Number.isInteger(n) && n >= min && n <= max,
    `must be a whole number of ${unit} from ${min} to ${max}`
  );

export const guidCodec = refined(
  t.string,
  'GUID',
  (s) => GUID.test(s),
  'must be a GUID like 00000000-0000-0000-0000-000000000000'
);

export const tenantIdCodec = refined(
  t.string,
  'TenantId',
  (s) => GUID.test(s) || DOMAIN.test(s),
  'must be the tenant ID (a GUID) or one of its verified domains, e.g. contoso.onmicrosoft.com'
);

export const domainCodec = refined(
  t.string,
  'Domain',
  (s) => DOMAIN.test(s),
  'must be a domain name like contoso.com'
);

export const namespaceCodec = refined(
  t.string,
  'Namespace',
  (s) => NAMESPACE.test(s),
  'must be 1 to 100 lowercase letters, digits or underscores, not starting with an underscore (it becomes part of the data stream name)'
);

export const connectionIdCodec = refined(
  t.string,
  'ConnectionId',
  (s) => CONNECTION_ID.test(s),
  'must be a connection ID: 1 to 100 letters, digits, "-" or "_"'
);

export const thumbprintCodec = refined(
  t.string,
  'Thumbprint',
  (s) => s.length <= 200 && THUMBPRINT.test(s.replace(/[:\s]/g, '')),
  "must be the certificate's SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint"
);

export const authMethodCodec = t.union(
  [t.literal('secret'), t.literal('certificate')],
  'secret or certificate'
);

/** Which rows also get their per-recipient event trail (getDetailsByRecipient), within the budget. */
export const detailPolicyCodec = t.union(
  [t.literal('none'), t.literal('problems'), t.literal('all')],
  'none, problems or all'
);

export const CONNECTION_DEFAULTS = {
  namespace: 'default',
  intervalMinutes: 5,
  lookbackDays: 2,
  rereadHours: 24,
  requestBudget: 60,
  detailPolicy: 'none' as const,
  matchSubdomains: true,
  enabled: true,
};

/** What a user edits on a connection; secrets are separate and write-only. */
export const connectionSettingsCodec = t.intersection([
  t.type({
    // The name also names the writer's API key, which Elasticsearch refuses with spaces at its end.
    name: refined(
      t.string,
      'Name',
      (s) => s.trim() === s && s.length > 0 && s.length <= 200 && !hasControlCharacters(s),
      'must be 1 to 200 characters, without control characters or spaces at either end'
    ),
    tenantId: tenantIdCodec,
    clientId: guidCodec,
    authMethod: authMethodCodec,
    localDomains: boundedList(domainCodec, MAX_LOCAL_DOMAINS, 'domains'),
    matchSubdomains: t.boolean,
    namespace: namespaceCodec,
    intervalMinutes: boundedInt('IntervalMinutes', 1, 1440, 'minutes'),
    lookbackDays: boundedInt('LookbackDays', 1, 90, 'days'),
    rereadHours: boundedInt('RereadHours', 0, 240, 'hours'),
    requestBudget: boundedInt('RequestBudget', 1, 100, 'requests per 5 minutes'),
    detailPolicy: detailPolicyCodec,
    enabled: t.boolean,
  }),
  t.partial({
    certificateThumbprint: thumbprintCodec,
    /** When the client secret or certificate expires, for the countdown on the settings page. */
    credentialExpiresAt: refined(
      t.string,
      'Date',
      (s) => s.length <= 40 && !Number.isNaN(Date.parse(s)),
      'must be a date like 2027-01-01T00:00:00Z'
    ),
  }),
]);

export type ConnectionSettings = t.TypeOf<typeof connectionSettingsCodec>;

/** Validation messages about a secret never quote the value (see formatCodecErrors). */
function secret(name: string, valid: (value: string) => boolean, message: string) {
  return Object.assign(refined(t.string, name, valid, message), { redacted: true as const });
}

export const connectionSecretsCodec = t.partial(
  {
    clientSecret: secret(
      'ClientSecret',
      (s) => s.length > 0 && s.length <= 1024,
      'must be the secret value, 1 to 1024 characters'
    ),
    certificatePrivateKey: secret(
      'PrivateKeyPem',
      (s) => s.length <= MAX_PEM_LENGTH && /-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(s),
      `must be a PEM private key (-----BEGIN PRIVATE KEY-----), at most ${MAX_PEM_LENGTH} characters`
    ),
  },
  'an object with clientSecret or certificatePrivateKey'
);

export type ConnectionSecrets = t.TypeOf<typeof connectionSecretsCodec>;
