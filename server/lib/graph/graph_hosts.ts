/** The message trace API exists in Microsoft's global cloud only, so these hosts are fixed. */
export const GRAPH_URL = 'https://graph.microsoft.com';
export const LOGIN_URL = 'https://login.microsoftonline.com';

export interface GraphEndpoints {
  graphUrl: string;
  loginUrl: string;
  /** PEM of a CA to trust for overridden hosts (the emulator's self-signed certificate). */
  caCertificate?: string;
}

export const MICROSOFT_ENDPOINTS: GraphEndpoints = { graphUrl: GRAPH_URL, loginUrl: LOGIN_URL };

/**
 * Overrides exist for tests (command-line flags, kibana.yml), never the UI; only https origins,
 * so an override cannot downgrade the transport that carries the secret.
 */
export function endpointsWithOverrides(overrides: Partial<GraphEndpoints>): GraphEndpoints {
  const origin = (value: string, name: string) => {
    const url = new URL(value);
    if (url.protocol !== 'https:') throw new Error(`${name} must be an https URL, got ${value}`);
    if (url.pathname !== '/' || url.search || url.hash) {
      throw new Error(`${name} must be an origin without a path, got ${value}`);
    }
    return url.origin;
  };
  return {
    graphUrl: overrides.graphUrl ? origin(overrides.graphUrl, 'Graph URL') : GRAPH_URL,
    loginUrl: overrides.loginUrl ? origin(overrides.loginUrl, 'Login URL') : LOGIN_URL,
    caCertificate: overrides.caCertificate,
  };
}
