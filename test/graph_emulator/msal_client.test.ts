/**
 * The real client: @azure/msal-node's ConfidentialClientApplication against the emulator over
 * HTTPS, with the emulator's self-signed CA trusted through a custom networkClient.
 */
import { ConfidentialClientApplication, ServerError, type Configuration } from '@azure/msal-node';
import { createSelfSignedCertificate } from './certificate';
import { GraphEmulator } from './graph_emulator';
import { createNetworkClient } from './msal_network_client';
import { CLIENT_ID, SECRET, TENANT_ID, graphGet, tenantSpec, type Page } from './test_support';

const certificate = createSelfSignedCertificate({ commonName: 'collector', validDays: 365 });
const scopes = ['https://graph.microsoft.com/.default'];

describe('msal-node against the emulator', () => {
  let emulator: GraphEmulator;

  beforeAll(async () => {
    emulator = await GraphEmulator.start({
      tls: true,
      tenants: [
        tenantSpec({
          apps: [
            {
              clientId: CLIENT_ID,
              secrets: [{ value: SECRET }],
              certificates: [certificate.certificatePem],
            },
          ],
          synthetic: { seed: 2, rowsPerDay: 2000 },
        }),
      ],
    });
  });
  afterAll(() => emulator.stop());

  const config = (credentials: Partial<Configuration['auth']>): Configuration => ({
    auth: {
      clientId: CLIENT_ID,
      authority: emulator.authority(TENANT_ID),
      knownAuthorities: [emulator.knownAuthority],
      authorityMetadata: emulator.authorityMetadata(TENANT_ID),
      ...credentials,
    },
    system: { networkClient: createNetworkClient(emulator.caCertificatePem) },
  });

  it('gets a token with a client secret, caches it, and the token works on Graph', async () => {
    expect(emulator.graphUrl.startsWith('https://127.0.0.1:')).toBe(true);
    const app = new ConfidentialClientApplication(config({ clientSecret: SECRET }));
    const first = await app.acquireTokenByClientCredential({ scopes });
    expect(first?.tokenType).toBe('Bearer');
    const second = await app.acquireTokenByClientCredential({ scopes });
    expect(second?.fromCache).toBe(true);
    const tokenCalls = emulator.requests.all().filter((r) => r.kind === 'token');
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.path).toMatch(
      new RegExp(`^/${TENANT_ID}/oauth2/v2\\.0/token\\?client-request-id=`)
    );
    expect(emulator.requests.all().filter((r) => r.kind === 'metadata')).toHaveLength(0);
    const page = await graphGet(
      emulator,
      `${emulator.graphUrl}/v1.0/admin/exchange/tracing/messageTraces?$top=5`,
      first!.accessToken
    );
    expect(page.status).toBe(200);
    expect((page.json as Page).value).toHaveLength(5);
  });

  it('gets a token with a certificate (PS256 assertion with x5t#S256)', async () => {
    const app = new ConfidentialClientApplication(
      config({
        clientCertificate: {
          thumbprintSha256: certificate.thumbprintSha256,
          privateKey: certificate.privateKeyPem,
        },
      })
    );
    const result = await app.acquireTokenByClientCredential({ scopes });
    expect(result?.accessToken).toBeTruthy();
  });

  it('rejects a certificate that is not registered', async () => {
    const other = createSelfSignedCertificate({ commonName: 'other' });
    const app = new ConfidentialClientApplication(
      config({
        clientCertificate: {
          thumbprintSha256: other.thumbprintSha256,
          privateKey: other.privateKeyPem,
        },
      })
    );
    await expect(app.acquireTokenByClientCredential({ scopes })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      status: 401,
    });
  });

  it('surfaces AADSTS7000215 as a ServerError for a wrong secret', async () => {
    const app = new ConfidentialClientApplication(config({ clientSecret: 'wrong' }));
    const error = await app.acquireTokenByClientCredential({ scopes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    const server = error as ServerError;
    expect(server.errorCode).toBe('invalid_client');
    expect(String(server.errorNo)).toBe('7000215');
    expect(server.status).toBe(401);
    expect(server.errorMessage).toContain('AADSTS7000215: Invalid client secret provided');
  });
});
