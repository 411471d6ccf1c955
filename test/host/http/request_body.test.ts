import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { PayloadError, readRouteBody } from './request_body';

function request(body: string, headers: Record<string, string> = {}) {
  return Object.assign(Readable.from([Buffer.from(body)]), { headers }) as IncomingMessage;
}

// The route settings are those of route_registration_rules.ts (Kibana util.ts @ 042299db).
describe('readRouteBody (the payload hapi hands a route)', () => {
  it('reads nothing for a route without body settings (GET)', async () => {
    await expect(readRouteBody(request('{"a":1}'), undefined)).resolves.toBeUndefined();
  });

  it('hands an unparsed stream to a stream route, unread', async () => {
    const req = request('not json');
    await expect(
      readRouteBody(req, { output: 'stream', parse: false, maxBytes: 100 })
    ).resolves.toBe(req);
  });

  it('hands the raw bytes to a data route with parse: false', async () => {
    await expect(
      readRouteBody(request('not json'), { parse: false, maxBytes: 100 })
    ).resolves.toEqual(Buffer.from('not json'));
  });

  it('parses JSON for a parsed route and refuses malformed JSON', async () => {
    await expect(readRouteBody(request('{"a":1}'), { maxBytes: 100 })).resolves.toEqual({ a: 1 });
    await expect(readRouteBody(request('{'), { maxBytes: 100 })).rejects.toEqual(
      new PayloadError(400, 'Invalid request payload JSON format')
    );
  });

  it('refuses a body over maxBytes, declared or read', async () => {
    const declared = request('{}', { 'content-length': '101' });
    await expect(readRouteBody(declared, { output: 'stream', maxBytes: 100 })).rejects.toEqual(
      new PayloadError(413, 'Payload content length greater than maximum allowed: 100')
    );
    await expect(readRouteBody(request('x'.repeat(11)), { maxBytes: 10 })).rejects.toEqual(
      new PayloadError(413, 'Payload content length greater than maximum allowed: 10')
    );
  });
});
