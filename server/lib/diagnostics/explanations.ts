import { NoOnDemandShare } from '../budget/on_demand_share';
import { BudgetWaitTooLong, GRAPH_REQUEST_LIMIT } from '../budget/request_budget';
import { EXCHANGE_TRACE_APP_ID, GraphError } from '../graph/graph_error';
import { LOGIN_URL } from '../graph/graph_hosts';
import type { ConnectionUnderTest } from './diagnostic_clients';

export const MESSAGE_TRACE_PERMISSION = 'ExchangeMessageTrace.Read.All';
/** Any of these lets the app list the tenant's domains. */
export const DOMAIN_READ_PERMISSIONS = [
  'Domain.Read.All',
  'Domain.ReadWrite.All',
  'Directory.Read.All',
];

/** A failure in the user's terms: what Microsoft said, why it most likely happened, what to do. */
export interface Diagnosis {
  message: string;
  code?: string;
  cause: string;
  fix: string;
  command?: string;
}

export interface DiagnosisContext {
  tenantId: string;
  clientId: string;
  authMethod: 'secret' | 'certificate';
  /** The host that was called, e.g. login.microsoftonline.com. */
  host: string;
  /** The client secret entered has the shape of a GUID, which is what a secret's ID looks like. */
  secretLooksLikeId?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the explanations need to know about the connection and the host `url` points at. */
export function diagnosisContext(connection: ConnectionUnderTest, url: string): DiagnosisContext {
  const { credential } = connection;
  return {
    tenantId: connection.tenantId,
    clientId: connection.clientId,
    authMethod: credential.kind,
    host: new URL(url).host,
    secretLooksLikeId: credential.kind === 'secret' && GUID.test(credential.clientSecret.trim()),
  };
}

type Explanation = Pick<Diagnosis, 'cause' | 'fix' | 'command'>;

const APP_REGISTRATION = 'Entra ID → App registrations → the app';
const CONNECTIVITY_FIX =
  'Allow outbound HTTPS (port 443) from the Kibana server to login.microsoftonline.com and graph.microsoft.com: check that the names resolve (DNS), the proxy settings and the firewall rules.';

/** Where a Global Administrator grants the app's permissions for the whole tenant at once. */
export function adminConsentUrl(tenantId: string, clientId: string): string {
  return `${LOGIN_URL}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}

/** Microsoft's description without the code prefix and the Trace ID / Correlation ID lines. */
export function microsoftMessage(text: string): string {
  const description = /AADSTS\d+:\s*([^\r\n]*)/.exec(text)?.[1] ?? text;
  return description
    .replace(/\s*(- )?(Trace ID|Correlation ID|Timestamp):.*$/s, '')
    .trim()
    .slice(0, 500);
}

function consentFix(context: DiagnosisContext, permission: string): string {
  return `In ${APP_REGISTRATION} → API permissions, add Microsoft Graph → Application permissions → ${permission} (an application permission, not a delegated one), then click "Grant admin consent". A Global Administrator can also grant it at ${adminConsentUrl(context.tenantId, context.clientId)}. Then test again: a new token carries the new permission.`;
}

export function missingConsent(context: DiagnosisContext): Explanation {
  return {
    cause: `The app has not been granted the application permission ${MESSAGE_TRACE_PERMISSION} with admin consent in this tenant.`,
    fix: consentFix(context, MESSAGE_TRACE_PERMISSION),
  };
}

const ENTRA_EXPLANATIONS: Record<number, (context: DiagnosisContext) => Explanation> = {
  7000215: (context) => ({
    cause: context.secretLooksLikeId
      ? "The value entered is a GUID: that is the client secret's ID, not its Value."
      : "Entra ID does not accept the client secret. Most often the secret's ID was pasted instead of its Value (Certificates & secrets lists both; the Value is shown only right after the secret is created).",
    fix: `In ${APP_REGISTRATION} → Certificates & secrets, copy the Value of the secret (not the Secret ID). If the Value is no longer shown, create a new client secret and copy its Value right away.`,
  }),
  7000222: () => ({
    cause: 'The client secret has expired.',
    fix: `In ${APP_REGISTRATION} → Certificates & secrets, create a new client secret, paste its Value here and save. Note its expiry date to renew it in time (or use a certificate).`,
  }),
  700016: (context) => ({
    cause: `Entra ID has no application with client ID ${context.clientId} in tenant ${context.tenantId}: the client ID or the tenant ID is wrong, or the app is a single-tenant app registered in another tenant.`,
    fix: `Copy the Application (client) ID and the Directory (tenant) ID from the Overview page of the app in ${APP_REGISTRATION}; both must come from the tenant whose mail you want to trace.`,
  }),
  90002: (context) => ({
    cause: `Microsoft's global cloud has no tenant ${context.tenantId}. (The message trace API exists in the global cloud only, not in US Government or China clouds.)`,
    fix: 'Use the Directory (tenant) ID from Entra ID → Overview, or a verified domain of the tenant such as contoso.onmicrosoft.com.',
  }),
  900023: (context) => ({
    cause: `${context.tenantId} is neither a tenant ID nor a domain Entra ID knows.`,
    fix: 'Use the Directory (tenant) ID (a GUID) from Entra ID → Overview.',
  }),
  700027: () => ({
    cause:
      "Entra ID does not accept the certificate: the thumbprint matches no certificate uploaded to the app, or the private key is not the certificate's.",
    fix: `Upload the certificate (public part, .cer or .pem) in ${APP_REGISTRATION} → Certificates & secrets → Certificates, enter the thumbprint Entra shows for it, and paste the private key that belongs to that certificate.`,
  }),
  700024: () => ({
    cause:
      "The Kibana server's clock is more than five minutes off, so Entra ID rejects the certificate's signed assertion as outside its valid time.",
    fix: 'Synchronise the clock of the Kibana server (NTP).',
  }),
};

function unreachable(error: GraphError, context: DiagnosisContext): Explanation {
  if (error.kind === 'timeout') {
    return {
      cause: `${context.host} did not answer in time. A proxy or firewall that silently drops the connection looks like this, as does a very slow network.`,
      fix: CONNECTIVITY_FIX,
    };
  }
  return {
    cause: `The Kibana server cannot reach ${context.host}: the name does not resolve, the connection is refused, or a proxy or firewall blocks it.`,
    fix: CONNECTIVITY_FIX,
  };
}

const unexpected = (error: unknown): Diagnosis => ({
  message: error instanceof Error ? error.message : String(error),
  cause: 'An unexpected error occurred.',
  fix: 'Try again; if it persists, check the Kibana server log.',
});

export function diagnoseTokenFailure(error: unknown, context: DiagnosisContext): Diagnosis {
  if (!(error instanceof GraphError)) return unexpected(error);
  const { aadsts } = error.details;
  const message = microsoftMessage(error.message);
  const code = aadsts === undefined ? undefined : `AADSTS${aadsts}`;
  if (error.kind === 'network' || error.kind === 'timeout') {
    return { message, ...unreachable(error, context) };
  }
  if (error.kind === 'unavailable' || error.kind === 'throttled') {
    return {
      message,
      code,
      cause: 'Entra ID is temporarily unavailable or busy.',
      fix: 'Test again in a few minutes.',
    };
  }
  const known = aadsts === undefined ? undefined : ENTRA_EXPLANATIONS[aadsts];
  if (known) return { message, code, ...known(context) };
  if (aadsts === undefined && context.authMethod === 'certificate') {
    return {
      message,
      cause: 'The certificate credential could not be used to sign in.',
      fix: `Paste the unencrypted private key in PEM form (-----BEGIN PRIVATE KEY-----) of the certificate uploaded in ${APP_REGISTRATION} → Certificates & secrets, and that certificate's thumbprint.`,
    };
  }
  return {
    message,
    code,
    cause: 'Entra ID refused to issue a token for the app.',
    fix: `Check the tenant ID, the client ID and the credential against ${APP_REGISTRATION}.${aadsts === undefined ? '' : ` Microsoft explains the code at ${LOGIN_URL}/error?code=${aadsts}.`}`,
  };
}

export function diagnoseGraphFailure(error: unknown, context: DiagnosisContext): Diagnosis {
  if (error instanceof BudgetWaitTooLong) {
    return {
      message: error.message,
      cause:
        "Tests and event trails take their requests from a share of the tenant's request budget kept apart from collection's, so that they never delay collection, and that share (or your part of it) is used up for the next few minutes.",
      fix: `Test again after ${new Date(error.availableAt).toISOString()}.`,
    };
  }
  if (error instanceof NoOnDemandShare) {
    return {
      message: error.message,
      cause:
        'A fifth of the request budget is kept for tests and event trails, so that they never delay collection; a budget of 1 has none to spare.',
      fix: 'Raise the request budget of the connection to 2 or more per 5 minutes.',
    };
  }
  if (!(error instanceof GraphError)) return unexpected(error);
  const message = microsoftMessage(error.message);
  const code = error.details.status === undefined ? undefined : `HTTP ${error.details.status}`;
  switch (error.kind) {
    case 'servicePrincipalMissing':
      return {
        message,
        code,
        cause: `The tenant has no service principal for Microsoft's message trace app (Transport Data Platform, ${EXCHANGE_TRACE_APP_ID}), which Microsoft requires before any message trace request.`,
        fix: `An administrator creates it once, with Microsoft Graph PowerShell (below) or with the Azure CLI: az ad sp create --id ${EXCHANGE_TRACE_APP_ID}. Provisioning can take several hours (up to 24); after that this test passes with no change here.`,
        command: `Connect-MgGraph -Scopes Application.ReadWrite.All\nNew-MgServicePrincipal -AppId ${EXCHANGE_TRACE_APP_ID}`,
      };
    case 'forbidden':
      return { message, code, ...missingConsent(context) };
    case 'throttled': {
      const retryAfter = error.details.retryAfterMs;
      return {
        message,
        code,
        cause: `Microsoft allows ${GRAPH_REQUEST_LIMIT} message trace requests per 5 minutes per tenant, shared by everything that reads message traces in the tenant (this plugin, other collectors, scripts), and they are used up.`,
        fix: `Test again ${retryAfter === undefined ? 'in a few minutes' : `in ${Math.ceil(retryAfter / 1000)} seconds`}. If it keeps happening, lower the request budget of the connections to this tenant or pause other tools that read message traces.`,
      };
    }
    case 'network':
    case 'timeout':
      return { message, ...unreachable(error, context) };
    case 'unavailable':
      return {
        message,
        code,
        cause: 'Microsoft Graph is temporarily unavailable.',
        fix: 'Test again in a few minutes.',
      };
    case 'authentication':
      return {
        message,
        code,
        cause: 'Microsoft Graph did not accept the token Entra ID issued for the app.',
        fix: `Test again; if it persists, check that the app registration lives in tenant ${context.tenantId}.`,
      };
    default:
      return {
        message,
        code,
        cause:
          'Microsoft Graph answered the message trace query in a way the plugin did not expect.',
        fix: 'Test again; if it persists, check the Kibana server log and Microsoft 365 service health.',
      };
  }
}
