import type { IncomingMessage } from 'node:http';
import type { RouteBodySettings } from './route_registration_rules';

/**
 * Kibana's `server.maxPayload` default, hapi's payload limit for a route without
 * `options.body.maxBytes`. Kibana: src/core/packages/http/server-internal/src/http_config.ts @ 01fd08ce.
 */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

export class PayloadError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message);
  }
}

const tooLarge = (maxBytes: number) =>
  new PayloadError(413, 'Payload content length greater than maximum allowed: ' + maxBytes);

/** hapi's check of `content-length` before any of the body is read. */
function assertDeclaredLength(req: IncomingMessage, maxBytes = DEFAULT_MAX_PAYLOAD_BYTES) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

async function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = DEFAULT_MAX_PAYLOAD_BYTES
): Promise<unknown> {
  const text = (await readBytes(req, maxBytes)).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(400, 'Invalid request payload JSON format');
  }
}

/**
 * The payload hapi hands to a route with these body settings: none for GET, the unread request as a
 * stream for `output: 'stream'`, the raw bytes for `parse: false`, else the parsed JSON.
 */
export async function readRouteBody(
  req: IncomingMessage,
  body: RouteBodySettings | undefined
): Promise<unknown> {
  if (!body) return undefined;
  assertDeclaredLength(req, body.maxBytes);
  if (body.output === 'stream') return req;
  if (body.parse === false) return readBytes(req, body.maxBytes);
  return readJsonBody(req, body.maxBytes);
}
