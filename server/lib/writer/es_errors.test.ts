import { createServer, type AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { errorStatus, isTransientError } from './es_errors';

/** What the client throws when nobody listens: a port that was free a moment ago. */
async function refusedConnectionError(): Promise<unknown> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const client = new Client({ node: `http://127.0.0.1:${port}` });
  try {
    await client.search({ index: 'x' }, { maxRetries: 0 });
    throw new Error('expected the search to fail');
  } catch (error) {
    return error;
  } finally {
    await client.close();
  }
}

describe('Elasticsearch error helpers on the client in use', () => {
  it('see no HTTP status in a refused connection, and call it transient', async () => {
    const error = await refusedConnectionError();
    expect((error as Error).name).toBe('ConnectionError');
    // Client 9.x puts statusCode 0 in the meta of a request that got no answer.
    expect((error as { meta: { statusCode: unknown } }).meta.statusCode).toBe(0);
    expect(errorStatus(error)).toBeUndefined();
    expect(isTransientError(error)).toBe(true);
  });

  it('read the status of an answer from the meta, or from the error itself', () => {
    expect(errorStatus({ meta: { statusCode: 503 } })).toBe(503);
    expect(errorStatus({ statusCode: 429 })).toBe(429);
    expect(isTransientError({ meta: { statusCode: 400 } })).toBe(false);
  });
});
