import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldSearch {
  path: string;
  arrivedAt: number;
  /** When the caller closed the request: it gave up, or was told to stop. */
  closedAt?: number;
}

/**
 * Elasticsearch behind a proxy that passes every request on but holds the searches `holds` picks,
 * unanswered, as a search that takes very long: what the caller does about it (gives up after its
 * bound, cancels when its own client leaves) shows as the held request's connection closing. A
 * real cluster cancels a search whose connection closes: its REST layer runs searches through
 * RestCancellableNodeClient, which cancels the channel's tasks when the channel closes
 * (elastic/elasticsearch server/src/main/java/org/elasticsearch/rest/action/
 * RestCancellableNodeClient.java @ 00203b9a; since 7.4, elastic/elasticsearch#43332). The
 * integration-test distribution has no scripting to make a real search that slow.
 */
export async function startHeldSearchProxy(esUrl: string, holds: (path: string) => boolean) {
  const upstream = new URL(esUrl);
  const held: HeldSearch[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    if (req.method !== 'HEAD' && /\/_search\b/.test(path) && holds(path)) {
      const search: HeldSearch = { path, arrivedAt: Date.now() };
      held.push(search);
      res.on('close', () => (search.closedAt = Date.now()));
      req.resume();
      return;
    }
    const onward = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    onward.on('error', () => res.destroy());
    req.pipe(onward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(esUrl);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** ES_URL's credentials, the proxy's port. */
    url: url.toString(),
    held,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
