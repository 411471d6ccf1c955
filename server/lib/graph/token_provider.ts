import {
  AuthError,
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { GraphError } from './graph_error';
import type { GraphEndpoints } from './graph_hosts';
import { sendRequest, TransportError } from './http_transport';

export type ClientCredential =
  | { kind: 'secret'; clientSecret: string }
  | { kind: 'certificate'; privateKeyPem: string; thumbprint: string };

export interface TokenProviderOptions {
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  endpoints: GraphEndpoints;
  timeoutMs: number;
}

/**
 * MSAL replaces any other error from the network client with a bare `network_error`, but passes
 * an AuthError through: this one keeps whether the token endpoint timed out or was unreachable.
 */
class TokenTransportError extends AuthError {
  constructor(readonly transport: TransportError) {
    super('network_error', '', transport.message);
    // AuthError resets the prototype to its own, as every MSAL error subclass has to undo.
    Object.setPrototypeOf(this, TokenTransportError.prototype);
  }
}

/** MSAL's network calls through our transport: the same timeout and the same trusted CA. */
function networkClient(endpoints: GraphEndpoints, timeoutMs: number): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await sendRequest({
      method,
      url,
      headers: options?.headers,
      body: options?.body,
      timeoutMs,
      caCertificate: endpoints.caCertificate,
    }).catch((error: unknown) => {
      throw error instanceof TransportError ? new TokenTransportError(error) : error;
    });
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([key, value]) => [key, String(value)])
    );
    let body: unknown = {};
    try {
      body = JSON.parse(response.text);
    } catch {
      body = {};
    }
    return { status: response.status, headers, body: body as T } satisfies NetworkResponse<T>;
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/** Entra shows a certificate's SHA-1 thumbprint; MSAL prefers SHA-256. Both are accepted. */
function certificateConfig(credential: Extract<ClientCredential, { kind: 'certificate' }>) {
  const thumbprint = credential.thumbprint.replace(/[:\s]/g, '').toLowerCase();
  return thumbprint.length === 64
    ? { thumbprintSha256: thumbprint, privateKey: credential.privateKeyPem }
    : { thumbprint, privateKey: credential.privateKeyPem };
}

function msalConfiguration(options: TokenProviderOptions): Configuration {
  const { endpoints, tenantId } = options;
  const authority = `${endpoints.loginUrl}/${encodeURIComponent(tenantId)}`;
  const overridden = new URL(endpoints.loginUrl).host !== 'login.microsoftonline.com';
  return {
    auth: {
      clientId: options.clientId,
      authority,
      ...(options.credential.kind === 'secret'
        ? { clientSecret: options.credential.clientSecret }
        : { clientCertificate: certificateConfig(options.credential) }),
      // An overridden (test) login host is its own known authority with its metadata given, so
      // MSAL never looks anything up on Microsoft's instance discovery endpoint.
      ...(overridden
        ? {
            knownAuthorities: [new URL(endpoints.loginUrl).host],
            authorityMetadata: JSON.stringify({
              issuer: `${authority}/v2.0`,
              token_endpoint: `${authority}/oauth2/v2.0/token`,
              authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
              end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
              jwks_uri: `${authority}/discovery/v2.0/keys`,
            }),
          }
        : {}),
    },
    system: { networkClient: networkClient(endpoints, options.timeoutMs) },
  };
}

interface MsalFailure {
  errorCode?: string;
  errorMessage?: string;
  errorNo?: string | number;
  status?: number;
  message?: string;
}

function tokenError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof TokenTransportError) {
    return new GraphError(
      error.transport.kind,
      `Cannot reach the Entra ID token endpoint: ${error.transport.message}`
    );
  }
  const failure = error as MsalFailure;
  const aadsts = failure.errorNo === undefined ? undefined : Number(failure.errorNo);
  const message = failure.errorMessage || failure.message || 'Token request failed';
  const details = { status: failure.status, code: failure.errorCode, aadsts };
  if (failure.errorCode === 'network_error' || /fetch failed|ECONN|No answer/.test(message)) {
    return new GraphError(
      'network',
      `Cannot reach the Entra ID token endpoint: ${message}`,
      details
    );
  }
  if (failure.errorCode === 'temporarily_unavailable' || (failure.status ?? 0) >= 500) {
    return new GraphError('unavailable', message, details);
  }
  if (failure.status === 429) return new GraphError('throttled', message, details);
  return new GraphError('authentication', message, details);
}

/**
 * One MSAL application per connection, so its in-memory token cache serves every request until
 * the token is near expiry.
 */
export class TokenProvider {
  private readonly application: ConfidentialClientApplication;
  private readonly scope: string;

  constructor(options: TokenProviderOptions) {
    this.application = new ConfidentialClientApplication(msalConfiguration(options));
    this.scope = `${options.endpoints.graphUrl}/.default`;
  }

  /** `fresh` skips MSAL's cache: Graph refused the cached token (expired early, or revoked). */
  async accessToken(signal?: AbortSignal, fresh = false): Promise<string> {
    if (signal?.aborted) throw new GraphError('aborted', 'Token request aborted');
    let onAbort: () => void = () => undefined;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(new GraphError('aborted', 'Token request aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const result = await Promise.race([
        this.application.acquireTokenByClientCredential({ scopes: [this.scope], skipCache: fresh }),
        aborted,
      ]);
      if (!result?.accessToken)
        throw new GraphError('authentication', 'Entra ID returned no access token');
      return result.accessToken;
    } catch (error) {
      throw tokenError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
