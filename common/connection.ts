import * as t from 'io-ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;
/** Elasticsearch's rules for a data stream namespace (it ends up in the index name). */
const NAMESPACE = /^[a-z0-9_]{1,100}$/;
const THUMBPRINT = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/** A codec of `base` values that also pass `valid`; `message` says what a failing one must be. */
export function refined<A>(
  base: t.Type<A, A, unknown>,
  name: string,
  valid: (value: A) => boolean,
  message: string
) {
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && valid(u),
    (u, c) => {
      const decoded = base.validate(u, c);
      if (decoded._tag === 'Left') return decoded;
      return valid(decoded.right) ? t.success(decoded.right) : t.failure(u, c, message);
    },
    t.identity
  );
}

const boundedInt = (name: string, min: number, max: number, unit: string) =>
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
  'must be lowercase letters, digits or underscores (it becomes part of the data stream name)'
);

export const thumbprintCodec = refined(
  t.string,
  'Thumbprint',
  (s) => THUMBPRINT.test(s.replace(/[:\s]/g, '')),
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
    name: refined(
      t.string,
      'Name',
      (s) => s.trim().length > 0 && s.length <= 200,
      'must be 1 to 200 characters'
    ),
    tenantId: tenantIdCodec,
    clientId: guidCodec,
    authMethod: authMethodCodec,
    localDomains: t.array(domainCodec),
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
      (s) => !Number.isNaN(Date.parse(s)),
      'must be a date'
    ),
  }),
]);

export type ConnectionSettings = t.TypeOf<typeof connectionSettingsCodec>;

/** Validation messages about a secret never quote the value (see formatCodecErrors). */
function secret(name: string, valid: (value: string) => boolean, message: string) {
  return Object.assign(refined(t.string, name, valid, message), { redacted: true as const });
}

export const connectionSecretsCodec = t.partial({
  clientSecret: secret(
    'ClientSecret',
    (s) => s.length > 0 && s.length <= 1024,
    'must be the secret value, 1 to 1024 characters'
  ),
  certificatePrivateKey: secret(
    'PrivateKeyPem',
    (s) => /-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(s),
    'must be a PEM private key (-----BEGIN PRIVATE KEY-----)'
  ),
});

export type ConnectionSecrets = t.TypeOf<typeof connectionSecretsCodec>;
