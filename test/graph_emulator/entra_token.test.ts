import { constants, createHash, sign, X509Certificate } from 'node:crypto';
import { createSelfSignedCertificate } from './certificate';
import { DrivenClock } from './clock';
import { GraphEmulator } from './graph_emulator';
import {
  CLIENT_ID,
  DAY,
  SECRET,
  T0,
  TENANT_ID,
  getToken,
  request,
  tenantSpec,
  tokenRequest,
} from './test_support';

const appCert = createSelfSignedCertificate({
  commonName: 'collector',
  validDays: 365,
  keyBits: 2048,
});
const otherCert = createSelfSignedCertificate({ commonName: 'someone else', keyBits: 2048 });

function assertion(options: {
  cert?: typeof appCert;
  signWith?: typeof appCert;
  alg?: 'RS256' | 'PS256';
  aud: string;
  iss?: string;
  expSeconds?: number;
  sha1?: boolean;
}): string {
  const cert = options.cert ?? appCert;
  const der = new X509Certificate(cert.certificatePem).raw;
  const header = options.sha1
    ? {
        alg: options.alg ?? 'RS256',
        typ: 'JWT',
        x5t: createHash('sha1').update(der).digest('base64url'),
      }
    : {
        alg: options.alg ?? 'RS256',
        typ: 'JWT',
        'x5t#S256': createHash('sha256').update(der).digest('base64url'),
      };
  const now = Math.floor(T0 / 1000);
  const payload = {
    aud: options.aud,
    iss: options.iss ?? CLIENT_ID,
    sub: options.iss ?? CLIENT_ID,
    jti: 'j1',
    nbf: now,
    exp: now + (options.expSeconds ?? 600),
  };
  const body = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const key = (options.signWith ?? cert).privateKeyPem;
  const signature =
    header.alg === 'PS256'
      ? sign('sha256', Buffer.from(body), {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: 32,
        })
      : sign('sha256', Buffer.from(body), key);
  return `${body}.${signature.toString('base64url')}`;
}

describe('emulated Entra token endpoint', () => {
  let emulator: GraphEmulator;
  const clock = new DrivenClock(T0);
  const tokenEndpoint = () => `${emulator.loginUrl}/${TENANT_ID}/oauth2/v2.0/token`;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      tls: false,
      clock,
      tenants: [
        tenantSpec({
          apps: [
            {
              clientId: CLIENT_ID,
              secrets: [
                { value: SECRET },
                { value: 'old~expired-secret-value', expiresAt: T0 - DAY },
              ],
              certificates: [appCert.certificatePem],
            },
          ],
        }),
      ],
    });
  });
  afterAll(() => emulator.stop());

  const form = (extra: Record<string, string>) => ({
    grant_type: 'client_credentials',
    client_id: CLIENT_ID,
    scope: 'https://graph.microsoft.com/.default',
    ...extra,
  });

  it('issues a bearer token for a client secret, by tenant id or verified domain', async () => {
    for (const tenant of [TENANT_ID, 'contoso.com']) {
      const result = await tokenRequest(emulator, tenant, form({ client_secret: SECRET }));
      expect(result.status).toBe(200);
      expect(result.json).toEqual({
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: expect.any(String),
      });
      const claims = JSON.parse(
        Buffer.from(
          (result.json as { access_token: string }).access_token.split('.')[1]!,
          'base64url'
        ).toString()
      );
      expect(claims).toMatchObject({
        tid: TENANT_ID,
        appid: CLIENT_ID,
        aud: 'https://graph.microsoft.com',
        roles: ['ExchangeMessageTrace.Read.All', 'Domain.Read.All'],
      });
    }
  });

  it('serves the OpenID configuration with endpoints on the emulator', async () => {
    const result = await request(
      emulator,
      `${emulator.loginUrl}/contoso.com/v2.0/.well-known/openid-configuration`
    );
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      issuer: `${emulator.loginUrl}/${TENANT_ID}/v2.0`,
      token_endpoint: tokenEndpoint(),
    });
  });

  const expectAadsts = (
    result: { status: number; json: unknown },
    status: number,
    error: string,
    code: number
  ) => {
    expect(result.status).toBe(status);
    const body = result.json as Record<string, unknown>;
    expect(body).toMatchObject({
      error,
      error_codes: [code],
      trace_id: expect.any(String),
      correlation_id: expect.any(String),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
    });
    expect(body.error_description).toMatch(
      new RegExp(
        `^AADSTS${code}: .*\\r\\nTrace ID: .+\\r\\nCorrelation ID: .+\\r\\nTimestamp: .+$`,
        's'
      )
    );
    return body.error_description as string;
  };

  it('AADSTS7000215 for a wrong secret, and for the secret ID sent instead of its value', async () => {
    const description = expectAadsts(
      await tokenRequest(emulator, TENANT_ID, form({ client_secret: 'nope' })),
      401,
      'invalid_client',
      7000215
    );
    expect(description).toContain('client secret value, not the client secret ID');
  });

  it('AADSTS7000222 for an expired secret', async () => {
    expectAadsts(
      await tokenRequest(emulator, TENANT_ID, form({ client_secret: 'old~expired-secret-value' })),
      401,
      'invalid_client',
      7000222
    );
  });

  it('AADSTS700016 for an app that is not in the tenant', async () => {
    const description = expectAadsts(
      await tokenRequest(
        emulator,
        TENANT_ID,
        form({ client_id: '99999999-9999-4999-8999-999999999999', client_secret: SECRET })
      ),
      400,
      'unauthorized_client',
      700016
    );
    expect(description).toContain(
      "Application with identifier '99999999-9999-4999-8999-999999999999' was not found in the directory"
    );
  });

  it('AADSTS90002 for an unknown tenant and 900023 for a malformed one', async () => {
    expectAadsts(
      await tokenRequest(
        emulator,
        '00000000-1111-4222-8333-444444444444',
        form({ client_secret: SECRET })
      ),
      400,
      'invalid_request',
      90002
    );
    expectAadsts(
      await tokenRequest(emulator, 'fabrikam.example', form({ client_secret: SECRET })),
      400,
      'invalid_request',
      90002
    );
    expectAadsts(
      await tokenRequest(emulator, 'not a tenant!', form({ client_secret: SECRET })),
      400,
      'invalid_request',
      900023
    );
  });

  it('echoes client-request-id as the correlation id', async () => {
    const result = await request(
      emulator,
      `${tokenEndpoint()}?client-request-id=6a1f0000-0000-4000-8000-000000000001`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form({ client_secret: 'bad' })).toString(),
      }
    );
    expect((result.json as { correlation_id: string }).correlation_id).toBe(
      '6a1f0000-0000-4000-8000-000000000001'
    );
  });

  it('rejects scopes without /.default and missing credentials', async () => {
    expectAadsts(
      await tokenRequest(emulator, TENANT_ID, form({ client_secret: SECRET, scope: 'User.Read' })),
      400,
      'invalid_scope',
      1002012
    );
    expectAadsts(await tokenRequest(emulator, TENANT_ID, form({})), 401, 'invalid_client', 7000218);
  });

  describe('certificate credentials (client assertion)', () => {
    const assertionForm = (jwt: string) =>
      form({
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: jwt,
      });

    it.each([
      ['RS256 + x5t#S256', { alg: 'RS256' as const }],
      ['PS256 + x5t#S256 (msal-node with thumbprintSha256)', { alg: 'PS256' as const }],
      ['RS256 + legacy SHA-1 x5t', { alg: 'RS256' as const, sha1: true }],
    ])('accepts %s', async (_name, options) => {
      const result = await tokenRequest(
        emulator,
        TENANT_ID,
        assertionForm(assertion({ ...options, aud: tokenEndpoint() }))
      );
      expect(result.status).toBe(200);
    });

    it('rejects an unregistered certificate (700027, key not found)', async () => {
      const description = expectAadsts(
        await tokenRequest(
          emulator,
          TENANT_ID,
          assertionForm(assertion({ cert: otherCert, aud: tokenEndpoint() }))
        ),
        401,
        'invalid_client',
        700027
      );
      expect(description).toContain('The key was not found');
    });

    it('rejects a signature made with another key (700027)', async () => {
      const description = expectAadsts(
        await tokenRequest(
          emulator,
          TENANT_ID,
          assertionForm(assertion({ signWith: otherCert, aud: tokenEndpoint() }))
        ),
        401,
        'invalid_client',
        700027
      );
      expect(description).toContain('did not match the expected signature value');
    });

    it('rejects a wrong audience, issuer and an expired assertion', async () => {
      expectAadsts(
        await tokenRequest(
          emulator,
          TENANT_ID,
          assertionForm(assertion({ aud: 'https://example.test/token' }))
        ),
        401,
        'invalid_client',
        700027
      );
      expectAadsts(
        await tokenRequest(
          emulator,
          TENANT_ID,
          assertionForm(assertion({ aud: tokenEndpoint(), iss: 'someone-else' }))
        ),
        401,
        'invalid_client',
        700021
      );
      expectAadsts(
        await tokenRequest(
          emulator,
          TENANT_ID,
          assertionForm(assertion({ aud: tokenEndpoint(), expSeconds: -3600 }))
        ),
        401,
        'invalid_client',
        700024
      );
    });
  });

  it('tokens expire with the emulator clock', async () => {
    const token = await getToken(emulator);
    const url = `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces`;
    expect(
      (await request(emulator, url, { headers: { Authorization: `Bearer ${token}` } })).status
    ).toBe(200);
    clock.advance(3600_000);
    const expired = await request(emulator, url, { headers: { Authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Lifetime validation failed, the token is expired.',
      },
    });
    expect(expired.headers['www-authenticate']).toContain('Bearer');
    const none = await request(emulator, url);
    expect(none.json).toMatchObject({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: {
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
          'request-id': expect.any(String),
          'client-request-id': expect.any(String),
        },
      },
    });
  });

  it('token calls do not count against the message trace budget', () => {
    expect(emulator.requests.all().filter((r) => r.kind === 'token').length).toBeGreaterThan(5);
    expect(emulator.throttle!.used(TENANT_ID)).toBeLessThanOrEqual(1);
  });
});
