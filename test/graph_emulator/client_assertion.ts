/**
 * Verifies a certificate credential (RFC 7523 client assertion) the way Entra does: the header's
 * `x5t#S256` (or legacy SHA-1 `x5t`) picks a certificate registered on the app, the signature
 * (RS256, or PS256 which msal-node uses with SHA-256 thumbprints) must verify against it,
 * iss = sub = client_id, aud = the token endpoint, and the assertion must be within its time range.
 */
import { constants, verify } from 'node:crypto';
import type { ParsedCertificate } from './certificate';
import { entraError, type EntraErrorResponse } from './entra_errors';

const GRAPH_DEPLOYMENTS_HINT =
  'Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL';

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface AssertionCheck {
  assertion: string;
  clientId: string;
  certificates: readonly ParsedCertificate[];
  /** Token endpoint URLs this tenant answers to (GUID and domain forms). */
  audiences: readonly string[];
  nowMs: number;
  correlationId?: string;
}

/** undefined when valid, else the error Entra would send. */
export function verifyClientAssertion(check: AssertionCheck): EntraErrorResponse | undefined {
  const ctx = { nowMs: check.nowMs, correlationId: check.correlationId };
  const fail = (code: number, message: string) =>
    entraError(401, 'invalid_client', code, message, ctx);
  const [h, p, s] = check.assertion.split('.');
  const header = decodeJson(h);
  const payload = decodeJson(p);
  if (!header || !payload || s === undefined) {
    return entraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.', ctx);
  }
  const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  const x5t = typeof header.x5t === 'string' ? header.x5t : undefined;
  const thumbprintHex = Buffer.from(x5tS256 ?? x5t ?? '', 'base64url')
    .toString('hex')
    .toUpperCase();
  const certificate = check.certificates.find((c) =>
    x5tS256 ? c.x5tS256 === x5tS256 : x5t ? c.x5t === x5t : false
  );
  if (!certificate) {
    return fail(
      700027,
      `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprintHex}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${check.clientId}'. ${GRAPH_DEPLOYMENTS_HINT}, such as 'https://graph.microsoft.com/v1.0/applications/${check.clientId}'.]`
    );
  }
  const alg = header.alg;
  const signed = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  const key = certificate.x509.publicKey;
  const valid =
    alg === 'RS256'
      ? verify('sha256', signed, key, signature)
      : alg === 'PS256'
        ? verify(
            'sha256',
            signed,
            {
              key,
              padding: constants.RSA_PKCS1_PSS_PADDING,
              saltLength: constants.RSA_PSS_SALTLEN_AUTO,
            },
            signature
          )
        : false;
  if (!valid) {
    return fail(
      700027,
      `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${thumbprintHex}', Found key 'Start=${certificate.x509.validFrom}, End=${certificate.x509.validTo}']`
    );
  }
  if (payload.iss !== check.clientId || payload.sub !== check.clientId) {
    return fail(
      700021,
      "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials ."
    );
  }
  const audiences = (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).map(String);
  if (!audiences.some((a) => check.audiences.includes(a.toLowerCase()))) {
    return fail(
      700027,
      `Client assertion contains an invalid audience claim '${audiences.join(',')}'. The audience must be the token endpoint of the tenant.`
    );
  }
  const nowSeconds = check.nowMs / 1000;
  const skew = 300; // Entra tolerates about five minutes of clock skew
  const exp = Number(payload.exp);
  const nbf = payload.nbf === undefined ? undefined : Number(payload.nbf);
  if (
    !Number.isFinite(exp) ||
    exp + skew < nowSeconds ||
    (nbf !== undefined && nbf - skew > nowSeconds)
  ) {
    return fail(
      700024,
      `Client assertion is not within its valid time range. Current time: ${new Date(check.nowMs).toISOString()}, assertion valid from ${nbf === undefined ? '-' : new Date(nbf * 1000).toISOString()}, expiry time of assertion ${Number.isFinite(exp) ? new Date(exp * 1000).toISOString() : '-'}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .`
    );
  }
  return undefined;
}
