import type { IncomingMessage } from 'node:http';

/** hapi's default payload limit, which Kibana keeps unless a route sets `options.body.maxBytes`. */
const DEFAULT_MAX_BYTES = 1024 * 1024;

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
export function assertDeclaredLength(req: IncomingMessage, maxBytes = DEFAULT_MAX_BYTES) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

export async function readJsonBody(
  req: IncomingMessage,
  maxBytes = DEFAULT_MAX_BYTES
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(400, 'Invalid request payload JSON format');
  }
}
