import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSelfSignedCertificate } from '../../../test/graph_emulator/certificate';
import { loadServiceConfig, ServiceConfigError } from './service_config';

const TENANT = {
  name: 'contoso',
  tenantId: '00000000-0000-4000-8000-000000000001',
  clientId: '11111111-1111-4111-8111-111111111111',
  clientSecret: { env: 'EMT_UNIT_SECRET' },
};

describe('loadServiceConfig', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emt-service-config-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    process.env.EMT_UNIT_SECRET = 'unit-secret-value-0123456789';
  });
  afterEach(() => {
    delete process.env.EMT_UNIT_SECRET;
  });

  async function problemsOf(file: string): Promise<string[]> {
    const error = await loadServiceConfig(file).catch((caught: unknown) => caught);
    if (!(error instanceof ServiceConfigError)) throw new Error('expected a ServiceConfigError');
    return error.problems;
  }

  it('reads YAML with defaults, and secrets from the environment and from files', async () => {
    write('es_key', '  a2V5LWlkOmtleS12YWx1ZQ==\n');
    const file = write(
      'service.yaml',
      [
        'elasticsearch:',
        "  cloudId: 'mssp:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ0ZmE4'",
        `  apiKey: { file: ${path.join(dir, 'es_key')} }`,
        'tenants:',
        '  - name: contoso',
        `    tenantId: ${TENANT.tenantId}`,
        `    clientId: ${TENANT.clientId}`,
        '    clientSecret: { env: EMT_UNIT_SECRET }',
        '    localDomains: [contoso.com]',
        '    lookback: 7d',
        '    budget: 40',
      ].join('\n')
    );
    const config = await loadServiceConfig(file);
    expect(config.elasticsearch).toEqual({
      cloudId: 'mssp:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ0ZmE4',
      url: undefined,
      apiKey: 'a2V5LWlkOmtleS12YWx1ZQ==',
      caCertificate: undefined,
      stateIndex: 'exchange-message-trace-collector-state',
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(config.leaseMs).toBe(60_000);
    expect(config.concurrentPages).toBe(4);
    expect(config.tenants[0]).toMatchObject({
      name: 'contoso',
      credential: { kind: 'secret', clientSecret: 'unit-secret-value-0123456789' },
      localDomains: ['contoso.com'],
      namespace: 'default',
      intervalMs: 300_000,
      budget: 40,
      pageSize: 5000,
      settings: { lookbackMs: 7 * 86_400_000, rereadMs: 86_400_000 },
    });
    expect(config.secrets).toHaveLength(2);
  });

  it('reads a certificate and its key from two files, and takes the thumbprint from the certificate', async () => {
    const certificate = createSelfSignedCertificate({ commonName: 'collector' });
    const file = write(
      'certificate.json',
      JSON.stringify({
        elasticsearch: { url: 'https://es.example.com:9200' },
        tenants: [
          {
            ...TENANT,
            clientSecret: undefined,
            certificate: {
              certificate: write('app.crt', certificate.certificatePem),
              privateKey: write('app.key', certificate.privateKeyPem),
            },
          },
        ],
      })
    );
    const [tenant] = (await loadServiceConfig(file)).tenants;
    const expected = createHash('sha1')
      .update(new X509Certificate(certificate.certificatePem).raw)
      .digest('hex');
    expect(tenant!.credential).toMatchObject({ kind: 'certificate', thumbprint: expected });
  });

  it('names the file, the tenant and the field of every problem, and never a secret', async () => {
    const inline = 'Inline8Q~a-secret-written-in-the-file-0123';
    const file = write(
      'broken.json',
      JSON.stringify({
        elasticsearch: { url: 'https://es.example.com:9200', cloudId: 'both' },
        http: { address: 'nowhere' },
        concurrentPages: 0,
        tenants: [
          { ...TENANT, budget: 500 },
          { ...TENANT, name: 'contoso', namespace: 'other' },
          { ...TENANT, name: 'inline', clientSecret: inline },
          { name: 'no-credential', tenantId: TENANT.tenantId, clientId: TENANT.clientId },
        ],
      })
    );
    const problems = await problemsOf(file);
    expect(problems).toEqual([
      `${file}: http.address: must be HOST:PORT like 127.0.0.1:9464 or 0.0.0.0:9464 (port 0 picks a free one)`,
      `${file}: concurrentPages: must be a whole number of pages from 1 to 64`,
      `${file}: tenant "contoso" (tenants[0]): budget: must be a whole number of requests per 5 minutes from 1 to 100`,
      `${file}: tenant "inline" (tenants[2]): clientSecret: expected either env: VARIABLE or file: PATH, got a value that is not shown`,
      `${file}: tenant "no-credential" (tenants[3]): clientSecret or certificate: give exactly one of them`,
    ]);
    expect(problems.join('\n')).not.toContain(inline);
    const fixed = write(
      'fixed.json',
      JSON.stringify({
        elasticsearch: { url: 'https://es.example.com:9200', cloudId: 'both' },
        tenants: [
          TENANT,
          { ...TENANT, namespace: 'other' },
          { ...TENANT, name: 'twice' },
          { name: 'no-credential', tenantId: TENANT.tenantId, clientId: TENANT.clientId },
        ],
      })
    );
    expect(await problemsOf(fixed)).toEqual([
      `${fixed}: elasticsearch: give either url or cloudId`,
      `${fixed}: tenant "no-credential" (tenants[3]): clientSecret or certificate: give exactly one of them`,
      `${fixed}: tenants: the name "contoso" is given to more than one tenant`,
      `${fixed}: tenants: tenant ID and namespace "${TENANT.tenantId} default" appear more than once`,
    ]);
  });

  it('says which file cannot be parsed', async () => {
    const file = write('bad.yaml', 'tenants: [unclosed');
    const [problem] = await problemsOf(file);
    expect(problem).toMatch(new RegExp(`^${file}: not valid YAML or JSON: `));
    expect(await problemsOf(path.join(dir, 'absent.yaml'))).toEqual([
      `${path.join(dir, 'absent.yaml')}: cannot read the file (ENOENT)`,
    ]);
  });
});
