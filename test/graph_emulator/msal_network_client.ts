/**
 * An msal-node `INetworkModule` over `node:https` that trusts a given CA. msal's default client is
 * global fetch, which only trusts extra CAs through NODE_EXTRA_CA_CERTS at process start — not
 * settable per jest test — so tests (and a collector pointed at the emulator) pass this instead.
 */
import https from 'node:https';
import http from 'node:http';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  options: NetworkRequestOptions | undefined,
  ca: string | undefined,
  timeoutMs?: number
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const body = method === 'POST' ? (options?.body ?? '') : undefined;
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      { method, headers, ...(ca ? { ca } : {}), timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // msal surfaces non-JSON bodies itself
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(response.headers))
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: response.statusCode ?? 0, headers: flat, body: parsed as T });
        });
        response.on('error', reject);
      }
    );
    request.on('timeout', () => request.destroy(new Error('request timed out')));
    request.on('error', reject);
    request.end(body);
  });
}

export function createNetworkClient(caCertificatePem?: string): INetworkModule {
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, options, caCertificatePem, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) =>
      send<T>('POST', url, options, caCertificatePem),
  };
}
