import { createServer, type Server } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { sleepingClock } from '../../test/clock/sleeping_clock';
import type { Clock } from '../lib/collector/clock';
import { ElasticsearchReachability, PROBE_TIMEOUT_MS } from './elasticsearch_reachability';

const listen = async <T extends Server | TcpServer>(server: T): Promise<T> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const portOf = (server: Server | TcpServer) => (server.address() as AddressInfo).port;
const close = (server: Server | TcpServer) =>
  new Promise<void>((resolve) => {
    (server as Server).closeAllConnections?.();
    server.close(() => resolve());
  });

/** An Elasticsearch stand-in answering each request with the next status of `statuses`. */
async function answering(statuses: number[], delayMs = 0) {
  let requests = 0;
  const server = await listen(
    createServer((_req, res) => {
      const status = statuses[Math.min(requests, statuses.length - 1)]!;
      requests += 1;
      setTimeout(
        () => res.writeHead(status, { 'x-elastic-product': 'Elasticsearch' }).end(),
        delayMs
      );
    })
  );
  return { server, requests: () => requests };
}

describe('ElasticsearchReachability', () => {
  const clients: Client[] = [];
  const servers: Array<Server | TcpServer> = [];
  const reachabilityOf = (port: number, clock: Clock = sleepingClock().clock) => {
    const client = new Client({ node: `http://127.0.0.1:${port}` });
    clients.push(client);
    return new ElasticsearchReachability(client, clock);
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(servers.splice(0).map(close));
  });

  it('says at once that a port nobody listens on refuses connections, naming no address', async () => {
    const closed = await listen(createTcpServer());
    const port = portOf(closed);
    await close(closed);
    const started = Date.now();
    const result = await reachabilityOf(port).probe();
    expect(Date.now() - started).toBeLessThan(500);
    expect(result).toEqual({ answered: false, reason: 'it refuses connections' });
  });

  it('gives up on a node that takes the connection but never answers after one second', async () => {
    const sockets: Socket[] = [];
    const silent = await listen(createTcpServer((socket) => void sockets.push(socket)));
    servers.push(silent);
    const started = Date.now();
    const result = await reachabilityOf(portOf(silent)).probe();
    const elapsed = Date.now() - started;
    expect(result).toEqual({ answered: false, reason: 'it did not answer within 1 s' });
    expect(elapsed).toBeGreaterThanOrEqual(PROBE_TIMEOUT_MS);
    expect(elapsed).toBeLessThan(2000);
    for (const socket of sockets) socket.destroy();
  });

  it('counts any HTTP answer, a 404 of a node without a root handler or a 503, as an answer', async () => {
    const notFound = await answering([404]);
    const unavailable = await answering([503]);
    servers.push(notFound.server, unavailable.server);
    expect(await reachabilityOf(portOf(notFound.server)).probe()).toEqual({
      answered: true,
      status: 404,
    });
    expect(await reachabilityOf(portOf(unavailable.server)).probe()).toEqual({
      answered: true,
      status: 503,
    });
    // The probe never retries: one request each.
    expect([notFound.requests(), unavailable.requests()]).toEqual([1, 1]);
  });

  it('lets callers arriving during a probe share its answer', async () => {
    const slow = await answering([200], 100);
    servers.push(slow.server);
    const reachability = reachabilityOf(portOf(slow.server));
    const answers = await Promise.all([reachability.probe(), reachability.probe()]);
    expect(answers).toEqual([
      { answered: true, status: 200 },
      { answered: true, status: 200 },
    ]);
    expect(slow.requests()).toBe(1);
    await reachability.probe();
    expect(slow.requests()).toBe(2);
  });

  it('waits, asking every second, until Elasticsearch answers without a server error', async () => {
    const recovering = await answering([503, 503, 200]);
    servers.push(recovering.server);
    const { clock, slept } = sleepingClock();
    const reachability = reachabilityOf(portOf(recovering.server), clock);
    expect(await reachability.waitUntilAnswering(10_000, new AbortController().signal)).toBe(true);
    expect(slept).toEqual([1000, 1000]);
  });

  it("waits on until a node that answers again has recovered Kibana's indices", async () => {
    // Each round asks with a ping, then for the health of `.kibana*`: first still recovering (408).
    const recovering = await answering([200, 408, 200, 200]);
    servers.push(recovering.server);
    const { clock, slept } = sleepingClock();
    const reachability = reachabilityOf(portOf(recovering.server), clock);
    expect(await reachability.waitUntilAnswering(10_000, new AbortController().signal)).toBe(true);
    expect({ slept, requests: recovering.requests() }).toEqual({ slept: [1000], requests: 4 });
  });

  it('stops waiting at the deadline', async () => {
    const down = await answering([503]);
    servers.push(down.server);
    const { clock, slept } = sleepingClock();
    const reachability = reachabilityOf(portOf(down.server), clock);
    expect(await reachability.waitUntilAnswering(2500, new AbortController().signal)).toBe(false);
    expect(slept).toEqual([1000, 1000, 500]);
    expect(down.requests()).toBe(4);
  });
});
