import { NoOnDemandShare } from '../budget/on_demand_share';
import { BudgetWaitTooLong } from '../budget/request_budget';
import { EXCHANGE_TRACE_APP_ID, GraphError, graphErrorFromResponse } from '../graph/graph_error';
import {
  adminConsentUrl,
  diagnoseGraphFailure,
  diagnoseTokenFailure,
  diagnosisContext,
  microsoftMessage,
} from './explanations';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const secretConnection = (clientSecret: string) => ({
  tenantId: TENANT,
  clientId: CLIENT,
  credential: { kind: 'secret' as const, clientSecret },
});
const login = diagnosisContext(secretConnection('x~secret'), 'https://login.microsoftonline.com');
const graph = { ...login, host: 'graph.microsoft.com' };

/** A token failure as TokenProvider reports it: MSAL's wording around Entra's description. */
const entraFailure = (aadsts: number, description: string, status = 400) =>
  new GraphError(
    'authentication',
    `Error(s): ${aadsts} - Timestamp: 2026-11-24 23:56:30Z - Description: AADSTS${aadsts}: ${description}\r\nTrace ID: 80b9ca8f\r\nCorrelation ID: 8a65569f\r\nTimestamp: 2026-11-24 23:56:30Z - Correlation ID: 8a65569f - Trace ID: 80b9ca8f`,
    { status, aadsts }
  );

describe('microsoftMessage', () => {
  it("keeps Entra's description and drops the code prefix, trace and correlation ids", () => {
    expect(
      microsoftMessage(
        entraFailure(7000222, 'The provided client secret keys are expired.').message
      )
    ).toBe('The provided client secret keys are expired.');
  });
});

describe('token failures', () => {
  it('explains an invalid secret as the secret ID pasted instead of its Value', () => {
    const diagnosis = diagnoseTokenFailure(
      entraFailure(7000215, 'Invalid client secret provided.', 401),
      login
    );
    expect(diagnosis).toMatchObject({
      code: 'AADSTS7000215',
      message: 'Invalid client secret provided.',
    });
    expect(diagnosis.cause).toContain("secret's ID was pasted instead of its Value");
    expect(diagnosis.fix).toContain('Certificates & secrets');
  });

  it('says so outright when the secret entered is a GUID', () => {
    const context = diagnosisContext(
      secretConnection('0d9a3a4e-1111-4222-8333-444444444444'),
      'https://login.microsoftonline.com'
    );
    expect(
      diagnoseTokenFailure(entraFailure(7000215, 'Invalid client secret provided.', 401), context)
        .cause
    ).toBe("The value entered is a GUID: that is the client secret's ID, not its Value.");
  });

  it.each([
    [7000222, 'The client secret has expired.', 'create a new client secret'],
    [
      700016,
      `no application with client ID ${CLIENT} in tenant ${TENANT}`,
      'Application (client) ID',
    ],
    [90002, `has no tenant ${TENANT}`, 'Directory (tenant) ID'],
    [900023, 'neither a tenant ID nor a domain', 'Directory (tenant) ID'],
    [700027, 'does not accept the certificate', 'Upload the certificate'],
    [700024, 'clock', 'NTP'],
  ])('explains AADSTS%s', (aadsts, cause, fix) => {
    const diagnosis = diagnoseTokenFailure(entraFailure(aadsts, 'Microsoft text.'), login);
    expect(diagnosis.code).toBe(`AADSTS${aadsts}`);
    expect(diagnosis.cause).toContain(cause);
    expect(diagnosis.fix).toContain(fix);
  });

  it("points other codes to Microsoft's error lookup", () => {
    const diagnosis = diagnoseTokenFailure(entraFailure(50034, 'Something else.'), login);
    expect(diagnosis.fix).toContain('https://login.microsoftonline.com/error?code=50034');
  });

  it('tells an unreachable host from a silent one, naming the host', () => {
    const refused = diagnoseTokenFailure(
      new GraphError('network', 'Cannot reach login.microsoftonline.com: connect ECONNREFUSED'),
      login
    );
    expect(refused.cause).toContain('cannot reach login.microsoftonline.com');
    expect(refused.fix).toContain('DNS');
    const silent = diagnoseTokenFailure(
      new GraphError('timeout', 'No answer within 20000 ms'),
      login
    );
    expect(silent.cause).toContain('login.microsoftonline.com did not answer in time');
    expect(silent.fix).toContain('firewall');
  });
});

describe('Graph failures', () => {
  it('gives the command that creates the missing service principal', () => {
    const error = graphErrorFromResponse(
      401,
      JSON.stringify({
        error: {
          code: 'Unauthorized',
          message: `the service principal for App ID ${EXCHANGE_TRACE_APP_ID} was not found`,
        },
      }),
      undefined
    );
    const diagnosis = diagnoseGraphFailure(error, graph);
    expect(diagnosis.code).toBe('HTTP 401');
    expect(diagnosis.command).toContain(`New-MgServicePrincipal -AppId ${EXCHANGE_TRACE_APP_ID}`);
    expect(diagnosis.fix).toContain(`az ad sp create --id ${EXCHANGE_TRACE_APP_ID}`);
    expect(diagnosis.fix).toContain('up to 24');
  });

  it('answers a 403 with the admin consent fix for this tenant and app', () => {
    const error = graphErrorFromResponse(
      403,
      '{"error":{"code":"Forbidden","message":"Missing role"}}',
      undefined
    );
    const diagnosis = diagnoseGraphFailure(error, graph);
    expect(diagnosis.fix).toContain('Grant admin consent');
    expect(diagnosis.fix).toContain(adminConsentUrl(TENANT, CLIENT));
    expect(adminConsentUrl(TENANT, CLIENT)).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${CLIENT}`
    );
  });

  it("explains a 429 with Microsoft's per-tenant limit and when to retry", () => {
    const error = graphErrorFromResponse(429, '{"error":{"message":"Too many requests"}}', 30_000);
    const diagnosis = diagnoseGraphFailure(error, graph);
    expect(diagnosis.cause).toContain('100 message trace requests per 5 minutes per tenant');
    expect(diagnosis.fix).toContain('in 30 seconds');
  });

  it("says when the plugin's own budget frees up", () => {
    const at = Date.parse('2026-11-24T10:00:00Z');
    expect(diagnoseGraphFailure(new BudgetWaitTooLong(at), graph).fix).toContain(
      '2026-11-24T10:00:00.000Z'
    );
  });

  it('says how to make room for a test when the whole budget is kept for collection', () => {
    expect(diagnoseGraphFailure(new NoOnDemandShare(1), graph)).toEqual({
      message:
        "This tenant's request budget (1 per 5 minutes) is all kept for collection: on-demand requests (event trails, connection tests) need a budget of 2 or more",
      cause:
        'A fifth of the request budget is kept for tests and event trails, so that they never delay collection; a budget of 1 has none to spare.',
      fix: 'Raise the request budget of the connection to 2 or more per 5 minutes.',
    });
  });
});
