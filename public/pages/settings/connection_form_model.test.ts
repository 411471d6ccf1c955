import { CLIENT_ID, TENANT_ID, connectionView } from '../../test_support/connection_fixtures';
import { HttpError } from '../../test_support/fake_core';
import { badRequestLines } from '../../services/http_errors';
import {
  NO_STORED_SECRETS,
  fieldErrorsFromLines,
  initialFormValues,
  validateConnectionForm,
  validateTestRequest,
  type ConnectionFormValues,
} from './connection_form_model';

const validValues = (): ConnectionFormValues => ({
  ...initialFormValues(),
  name: 'Contoso',
  tenantId: TENANT_ID,
  clientId: CLIENT_ID,
  clientSecret: 'typed-secret',
  localDomains: ['contoso.com'],
});

describe('validateConnectionForm', () => {
  it('builds the create request the route takes, with numbers as numbers', () => {
    const { request, errors } = validateConnectionForm(validValues(), NO_STORED_SECRETS);
    expect(errors).toEqual({});
    expect(request).toEqual({
      name: 'Contoso',
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      authMethod: 'secret',
      clientSecret: 'typed-secret',
      localDomains: ['contoso.com'],
      matchSubdomains: true,
      namespace: 'default',
      intervalMinutes: 5,
      lookbackDays: 2,
      rereadHours: 24,
      requestBudget: 60,
      detailPolicy: 'none',
      enabled: true,
    });
  });

  it("reports each field with the codec's own message", () => {
    const { request, errors } = validateConnectionForm(
      {
        ...validValues(),
        tenantId: 'not a tenant',
        clientId: '123',
        namespace: 'Has-Dash',
        intervalMinutes: '',
        lookbackDays: '91',
        localDomains: ['contoso.com', 'bad domain'],
      },
      NO_STORED_SECRETS
    );
    expect(request).toBeUndefined();
    expect(errors).toEqual({
      tenantId: [
        'must be the tenant ID (a GUID) or one of its verified domains, e.g. contoso.onmicrosoft.com',
      ],
      clientId: ['must be a GUID like 00000000-0000-0000-0000-000000000000'],
      namespace: [
        'must be 1 to 100 lowercase letters, digits or underscores, not starting with an underscore (it becomes part of the data stream name)',
      ],
      intervalMinutes: ['must be a whole number of minutes from 1 to 1440'],
      lookbackDays: ['must be a whole number of days from 1 to 90'],
      localDomains: ['"bad domain" must be a domain name like contoso.com'],
    });
  });

  it('requires the secret of the auth method unless one is stored, and never sends an empty one', () => {
    const values = { ...validValues(), clientSecret: '' };
    expect(validateConnectionForm(values, NO_STORED_SECRETS).errors).toEqual({
      clientSecret: ['a client secret is required'],
    });
    const stored = connectionView().secrets;
    const { request } = validateConnectionForm(values, stored);
    expect(request).toBeDefined();
    expect(request).not.toHaveProperty('clientSecret');
  });

  it('needs a thumbprint and a private key for certificate sign-in', () => {
    const values = { ...validValues(), authMethod: 'certificate' as const };
    expect(validateConnectionForm(values, NO_STORED_SECRETS).errors).toEqual({
      certificatePrivateKey: ['the certificate private key is required'],
      certificateThumbprint: ["the certificate's thumbprint is required"],
    });
    const { request } = validateConnectionForm(
      {
        ...values,
        certificateThumbprint: 'AB'.repeat(20),
        certificatePrivateKey: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----',
      },
      NO_STORED_SECRETS
    );
    // The client secret typed before switching is not sent with a certificate connection.
    expect(request).toMatchObject({ certificateThumbprint: 'AB'.repeat(20) });
    expect(request).not.toHaveProperty('clientSecret');
  });
});

describe('validateTestRequest', () => {
  it('tests a saved connection with its stored secret', () => {
    const values = { ...initialFormValues(connectionView()), name: '' };
    const { request, errors } = validateTestRequest(values, connectionView().secrets, 'c1');
    expect(errors).toEqual({});
    expect(request).toEqual({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      authMethod: 'secret',
      secrets: {},
      connectionId: 'c1',
    });
  });

  it('reports only the credential fields', () => {
    const values = { ...validValues(), name: '', tenantId: 'x', clientSecret: '' };
    expect(validateTestRequest(values, NO_STORED_SECRETS).errors).toEqual({
      tenantId: [
        'must be the tenant ID (a GUID) or one of its verified domains, e.g. contoso.onmicrosoft.com',
      ],
      clientSecret: ['a client secret is required'],
    });
  });
});

describe("a server's 400 in the form", () => {
  it('puts each line on its field, secrets and domains included, and keeps the rest apart', () => {
    const error = new HttpError(
      400,
      '[request body]: clientId: must be a GUID; secrets.clientSecret: must be the secret value; ' +
        'localDomains.0: must be a domain name like contoso.com; the tenant refused the app'
    );
    const lines = badRequestLines(error)!;
    const { fields, other } = fieldErrorsFromLines(lines, {
      ...validValues(),
      localDomains: ['x_y'],
    });
    expect(fields).toEqual({
      clientId: ['must be a GUID'],
      clientSecret: ['must be the secret value'],
      localDomains: ['"x_y" must be a domain name like contoso.com'],
    });
    expect(other).toEqual(['the tenant refused the app']);
  });

  it('is not a 400 for other failures', () => {
    expect(badRequestLines(new HttpError(500, 'boom'))).toBeUndefined();
  });
});
