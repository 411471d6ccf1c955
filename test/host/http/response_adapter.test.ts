import { Readable } from 'node:stream';
import { errors } from '@elastic/elasticsearch';
import { KibanaResponse, kibanaResponseFactory as response } from './response_factory';
import {
  elasticsearchUnauthorizedAnswer,
  INTERNAL_ERROR_ANSWER,
  toHttpAnswer,
} from './response_adapter';

function esError(statusCode: number, headers: Record<string, string> = {}) {
  return new errors.ResponseError({
    body: { error: { type: 'security_exception', reason: 'unable to authenticate user [x]' } },
    statusCode,
    headers,
    warnings: null,
    meta: {} as never,
  });
}

// Expected values: Kibana's router-server-internal response_adapter.ts @ 2977442a and
// router.ts @ 0311e8ba; the error body is hapi's Boom payload.
describe('toHttpAnswer (Kibana hapi response adapter)', () => {
  it('answers success with the payload and headers as given', () => {
    expect(toHttpAnswer(response.ok({ body: { a: 1 }, headers: { etag: 'e' } }))).toEqual({
      status: 200,
      headers: { etag: 'e' },
      body: { a: 1 },
    });
  });

  it('wraps error payloads in the Boom shape, attributes included', () => {
    expect(toHttpAnswer(response.notFound())).toEqual({
      status: 404,
      headers: {},
      body: { statusCode: 404, error: 'Not Found', message: 'Not Found' },
    });
    expect(
      toHttpAnswer(
        response.customError({
          statusCode: 503,
          body: { message: new Error('busy'), attributes: { retry: true } },
          headers: { 'retry-after': '5' },
        })
      )
    ).toEqual({
      status: 503,
      headers: { 'retry-after': '5' },
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'busy',
        attributes: { retry: true },
      },
    });
  });

  it('words an Elasticsearch error payload as [type]: reason', () => {
    expect(toHttpAnswer(response.badRequest({ body: esError(400) })).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '[security_exception]: unable to authenticate user [x]',
    });
  });

  it('passes an error given as bytes or a stream through, and honours bypassErrorFormat', () => {
    const stream = Readable.from(['x']);
    expect(toHttpAnswer(response.customError({ statusCode: 502, body: stream })).body).toBe(stream);
    expect(
      toHttpAnswer(new KibanaResponse(400, { raw: true }, { bypassErrorFormat: true })).body
    ).toEqual({ raw: true });
  });

  it.each([
    [
      'an error without a message',
      response.custom({ statusCode: 404 }),
      'expected error message to be provided',
    ],
    [
      'a redirect without location',
      response.redirected({}),
      "expected 'location' header to be set",
    ],
    [
      'a status outside 100-599',
      response.custom({ statusCode: 99 }),
      'Unexpected Http status code. Expected from 100 to 599, but given: 99.',
    ],
    [
      'something other than a KibanaResponse',
      { status: 200 },
      'Unexpected result from Route Handler. Expected KibanaResponse, but given: Object.',
    ],
    [
      'nothing',
      undefined,
      'Unexpected result from Route Handler. Expected KibanaResponse, but given: undefined.',
    ],
  ])('refuses %s', (_what, answer, message) => {
    expect(() => toHttpAnswer(answer)).toThrow(new Error(message));
  });

  it('answers other throws with Kibana’s generic 500 body', () => {
    expect(INTERNAL_ERROR_ANSWER.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred. Check Kibana server logs for details.',
    });
  });
});

describe('elasticsearchUnauthorizedAnswer', () => {
  it('forwards an Elasticsearch 401 with its message and challenge', () => {
    expect(
      elasticsearchUnauthorizedAnswer(esError(401, { 'WWW-Authenticate': 'Bearer realm="es"' }))
    ).toEqual({
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="es"' },
      body: { statusCode: 401, error: 'Unauthorized', message: 'security_exception' },
    });
    expect(elasticsearchUnauthorizedAnswer(esError(401))?.headers).toEqual({
      'www-authenticate': 'Basic realm="Authorization Required"',
    });
  });

  it('leaves any other error to the generic 500', () => {
    expect(elasticsearchUnauthorizedAnswer(esError(403))).toBeUndefined();
    const boom = Object.assign(new Error('gone'), { isBoom: true, output: { statusCode: 401 } });
    expect(elasticsearchUnauthorizedAnswer(boom)).toBeUndefined();
  });
});
