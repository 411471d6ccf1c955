import * as t from 'io-ts';
import { boundedList, closedObject, plainText, refined } from './bounded_codecs';
import {
  boundedInt,
  domainCodec,
  guidCodec,
  MAX_LOCAL_DOMAINS,
  namespaceCodec,
  tenantIdCodec,
} from './connection';

/**
 * The config file of `exchange-message-trace serve` (YAML or JSON), as written: secrets are named
 * (an environment variable or a file), never written in it. docs/SERVICE.md shows an example.
 */

export const durationCodec = refined(
  t.string,
  'Duration',
  (s) => /^\d{1,6}[smhd]$/.test(s),
  'must be a duration like 30s, 5m, 24h or 2d'
);

const filePathCodec = plainText(4096, 'FilePath');

/**
 * Where a secret is read from at start (and at each reload). Marked `redacted`: a secret written
 * in its place by mistake is never quoted back (formatCodecErrors).
 */
export const secretSourceCodec = Object.assign(
  t.union(
    [
      closedObject(
        {
          env: refined(
            t.string,
            'EnvironmentVariable',
            (s) => /^[A-Za-z_][A-Za-z0-9_]{0,199}$/.test(s),
            'must be an environment variable name like CONTOSO_CLIENT_SECRET'
          ),
        },
        {},
        'env: VARIABLE'
      ),
      closedObject({ file: filePathCodec }, {}, 'file: PATH'),
    ],
    'either env: VARIABLE or file: PATH'
  ),
  { redacted: true as const }
);

export type SecretSource = t.TypeOf<typeof secretSourceCodec>;

/** A name for logs, /healthz and /metrics labels: short, and safe in a Prometheus label. */
const tenantNameCodec = refined(
  t.string,
  'TenantName',
  (s) => /^[A-Za-z0-9_.-]{1,100}$/.test(s),
  'must be 1 to 100 letters, digits, ".", "-" or "_"'
);

export const serviceTenantCodec = closedObject(
  { name: tenantNameCodec, tenantId: tenantIdCodec, clientId: guidCodec },
  {
    clientSecret: secretSourceCodec,
    /** A PEM with the certificate, and the key's PEM (or one PEM holding both). */
    certificate: closedObject(
      { certificate: filePathCodec },
      { privateKey: filePathCodec },
      'certificate: PATH with privateKey: PATH'
    ),
    localDomains: boundedList(domainCodec, MAX_LOCAL_DOMAINS, 'domains'),
    matchSubdomains: t.boolean,
    namespace: namespaceCodec,
    interval: durationCodec,
    lookback: durationCodec,
    reread: durationCodec,
    budget: boundedInt('Budget', 1, 100, 'requests per 5 minutes'),
    pageSize: boundedInt('PageSize', 1, 5000, 'rows'),
  },
  'a tenant'
);

export type ServiceTenantConfig = t.TypeOf<typeof serviceTenantCodec>;

export const SERVICE_DEFAULTS = {
  stateIndex: 'exchange-message-trace-collector-state',
  httpAddress: '127.0.0.1:9464',
  leaseDuration: '60s',
  concurrentPages: 4,
  namespace: 'default',
  interval: '5m',
  lookback: '2d',
  reread: '24h',
  budget: 60,
  pageSize: 5000,
} as const;

/** Elasticsearch's rules for an index name, without a leading dot (see docs/SERVICE.md). */
const stateIndexCodec = refined(
  t.string,
  'IndexName',
  (s) => /^[a-z0-9][a-z0-9_.-]{0,199}$/.test(s),
  'must be a lowercase index name (letters, digits, "_", "-", "."), not starting with "." or "_"'
);

const httpAddressCodec = refined(
  t.string,
  'HostAndPort',
  (s) =>
    /^(\[[0-9a-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/i.test(s) && Number(s.split(':').pop()) < 65536,
  'must be HOST:PORT like 127.0.0.1:9464 or 0.0.0.0:9464 (port 0 picks a free one)'
);

const httpsUrlCodec = refined(
  t.string,
  'Url',
  (s) => /^https?:\/\/[^\s]+$/.test(s) && s.length <= 2048,
  'must be a URL like https://elasticsearch.example.com:9200'
);

/** The top level; each entry of `tenants` is checked on its own, so its errors name the tenant. */
export const collectorServiceConfigCodec = closedObject(
  {
    elasticsearch: closedObject(
      {},
      {
        url: httpsUrlCodec,
        cloudId: plainText(1024, 'CloudId'),
        apiKey: secretSourceCodec,
        caCertificate: filePathCodec,
        stateIndex: stateIndexCodec,
      },
      'the Elasticsearch target'
    ),
    tenants: boundedList(t.unknown, 1000, 'tenants'),
  },
  {
    http: closedObject({ address: httpAddressCodec }, {}, 'the status endpoint'),
    /** How long a tenant stays with an instance that stopped renewing (tests shorten it). */
    lease: closedObject({}, { duration: durationCodec }, 'the lease settings'),
    /**
     * How many tenants of the process hold a Graph page (up to 5000 rows) and its documents at
     * once; the others wait their turn. Memory grows with this, not with the number of tenants.
     */
    concurrentPages: boundedInt('ConcurrentPages', 1, 64, 'pages'),
    /** Replaces Microsoft's hosts: tests and demo tenants only. */
    graph: closedObject(
      {},
      { url: httpsUrlCodec, loginUrl: httpsUrlCodec, caCertificate: filePathCodec },
      'Graph host overrides'
    ),
  },
  'a collector service config'
);

export type CollectorServiceConfig = t.TypeOf<typeof collectorServiceConfigCodec>;
