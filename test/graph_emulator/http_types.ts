/** The emulator's request/response values: routes build these; the server and faults write them. */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmulatorRequest {
  method: string;
  url: URL;
  /** Path as received (still percent-encoded), e.g. `/v1.0/admin/exchange/tracing/messageTraces`. */
  rawPath: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Origin the client used (scheme + Host header): nextLinks and metadata point back at it. */
  origin: string;
  requestId: string;
  clientRequestId: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless `text` is given (faults use `text` for broken bodies). */
  json?: unknown;
  text?: string;
}

export function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function jsonResponse(
  status: number,
  json: unknown,
  headers: Record<string, string> = {}
): EmulatorResponse {
  return { status, json, headers };
}
