import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { basicAuth } from '../test_support';
import { HostAuthenticator } from './authentication';

const listen = async <T extends Server | ReturnType<typeof createTcpServer>>(server: T) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: Server | ReturnType<typeof createTcpServer>) =>
  new Promise((resolve) => server.close(resolve));

describe('HostAuthenticator when Elasticsearch does not say who the caller is', () => {
  const clients: Client[] = [];
  const authenticatorAt = (port: number) => {
    const client = new Client({ node: `http://127.0.0.1:${port}`, maxRetries: 0 });
    clients.push(client);
    return new HostAuthenticator(client);
  };
  afterAll(async () => Promise.all(clients.map((client) => client.close())));

  it('answers 401 when Elasticsearch cannot be reached, as Kibana answers an error without a status', async () => {
    const closed = createTcpServer();
    const port = await listen(closed);
    await close(closed);
    expect(
      await authenticatorAt(port).authenticate({ authorization: basicAuth('elastic') })
    ).toEqual({ kind: 'failed', statusCode: 401, message: 'Unauthorized' });
  });

  it("passes on the status of Elasticsearch's answer", async () => {
    const unavailable = createServer((_req, res) =>
      res
        .writeHead(503, {
          'content-type': 'application/json',
          'x-elastic-product': 'Elasticsearch',
        })
        .end(
          JSON.stringify({
            error: { type: 'cluster_block_exception', reason: 'blocked' },
            status: 503,
          })
        )
    );
    const port = await listen(unavailable);
    try {
      const outcome = await authenticatorAt(port).authenticate({
        authorization: basicAuth('elastic'),
      });
      expect(outcome).toMatchObject({ kind: 'failed', statusCode: 503 });
    } finally {
      await close(unavailable);
    }
  });
});
