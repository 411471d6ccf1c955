import { KibanaResponse, kibanaResponseFactory } from './response_factory';

// Expected values: Kibana's router-server-internal response.ts @ 0ec19fff.
describe('kibanaResponseFactory', () => {
  const factory = kibanaResponseFactory as unknown as Record<
    string,
    (options?: object) => KibanaResponse
  >;

  it.each([
    ['ok', 200],
    ['created', 201],
    ['accepted', 202],
    ['multiStatus', 207],
  ])('%s answers %d with the body', (method, status) => {
    const response = factory[method]!({ body: { a: 1 }, headers: { x: 'y' } });
    expect(response).toEqual(
      new KibanaResponse(status, { a: 1 }, { body: { a: 1 }, headers: { x: 'y' } })
    );
  });

  it('noContent and notModified drop the body; redirected keeps it', () => {
    expect(factory.noContent!({ body: 'x' }).payload).toBeUndefined();
    expect(factory.notModified!({ body: 'x' })).toMatchObject({ status: 304, payload: undefined });
    expect(factory.redirected!({ body: 'x', headers: { location: '/y' } })).toMatchObject({
      status: 302,
      payload: 'x',
    });
  });

  it.each([
    ['badRequest', 400, 'Bad Request'],
    ['unauthorized', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'],
    ['notFound', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['unprocessableContent', 422, 'Unprocessable Content'],
  ])('%s answers %d, with %j when no body is given', (method, status, defaultBody) => {
    expect(factory[method]!()).toMatchObject({ status, payload: defaultBody });
    expect(factory[method]!({ body: { message: 'why' } })).toMatchObject({
      status,
      payload: { message: 'why' },
    });
  });

  it('customError takes only statuses from 400 to 599', () => {
    expect(factory.customError!({ statusCode: 503, body: 'down' })).toMatchObject({
      status: 503,
      payload: 'down',
    });
    for (const statusCode of [200, 302, 600]) {
      expect(() => factory.customError!({ statusCode })).toThrow(
        new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${statusCode}`)
      );
    }
  });

  it('customError and custom need a statusCode', () => {
    for (const method of ['customError', 'custom']) {
      expect(() => factory[method]!({ body: 'x' })).toThrow(
        new Error('options.statusCode is expected to be set. given options: undefined')
      );
      expect(() => factory[method]!()).toThrow(
        new Error('options.statusCode is expected to be set. given options: undefined')
      );
    }
  });

  it('custom takes any status and keeps only the other options', () => {
    expect(factory.custom!({ statusCode: 299, body: 'b', headers: { h: 'v' } })).toEqual(
      new KibanaResponse(299, 'b', { headers: { h: 'v' } })
    );
  });
});
