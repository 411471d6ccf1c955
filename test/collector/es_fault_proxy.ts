import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EsFaultOptions {
  /** Share of bulk requests in which some items are rejected (a node's write queue fills in bursts). */
  rejectingRequests: number;
  /** In such a request, the share of items answered 429 es_rejected_execution_exception, not indexed. */
  itemRejection: number;
  /** Share of bulk requests answered 503 as a whole, indexing nothing. */
  requestFailure: number;
  random: () => number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(
  target: URL,
  req: IncomingMessage,
  body: Buffer
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // Identity encoding, so bulk answers can be read and rewritten here.
    const { 'accept-encoding': _encoding, ...forwarded } = req.headers;
    const headers = { ...forwarded, host: target.host, 'content-length': String(body.length) };
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers },
      async (res) => {
        resolve({
          status: res.statusCode ?? 502,
          headers: res.headers as Record<string, string>,
          body: await readBody(res),
        });
      }
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

interface KillPoint {
  requestsLeft: number;
  bulkOnly: boolean;
  afterWrite: boolean;
  reached: (request: string) => void;
}

const isBulk = (req: IncomingMessage) =>
  req.method === 'POST' && /\/_bulk(\?|$)/.test(req.url ?? '');

/**
 * Stands between the collector and Elasticsearch and rejects what a loaded cluster rejects: bulk
 * items refused with 429 (never indexed) and whole bulk requests failing with 503. It also marks
 * the request at which a test kills the collector, so the kill lands at a known point.
 */
export class EsFaultProxy {
  private readonly server: Server;
  private killPoint: KillPoint | undefined;
  url = '';
  rejectedItems = 0;
  failedRequests = 0;

  constructor(
    private readonly target: string,
    private readonly faults: EsFaultOptions
  ) {
    this.server = createServer((req, res) => {
      const killPoint = this.killPoint;
      if (killPoint && (!killPoint.bulkOnly || isBulk(req)) && --killPoint.requestsLeft === 0) {
        this.killPoint = undefined;
        // Never answered: the collector is killed while it waits for this request.
        const done = killPoint.afterWrite ? ' (carried out)' : '';
        const reached = () => killPoint.reached(`${req.method} ${req.url}${done}`);
        if (killPoint.afterWrite) this.handle(req).then(reached, reached);
        else readBody(req).then(reached, reached);
        return;
      }
      this.handle(req)
        .then((answer) => res.writeHead(answer.status, answer.headers).end(answer.body))
        .catch(() => res.writeHead(502).end());
    });
  }

  /**
   * Settles when the `nth` request from now (of bulk requests only, with `bulkOnly`) reaches the
   * proxy, which never answers it: either it goes no further, or (`afterWrite`) Elasticsearch
   * carries it out and nobody hears back. The value names the request.
   */
  killAt(nth: number, options: { bulkOnly: boolean; afterWrite: boolean }): Promise<string> {
    return new Promise((reached) => {
      this.killPoint = { requestsLeft: nth, ...options, reached };
    });
  }

  /** Forgets a kill point the last run did not reach. */
  disarm(): void {
    this.killPoint = undefined;
  }

  private async handle(req: IncomingMessage) {
    const body = await readBody(req);
    const target = new URL(this.target);
    if (!isBulk(req)) return forward(target, req, body);
    if (this.faults.random() < this.faults.requestFailure) {
      this.failedRequests += 1;
      const error = {
        error: { type: 'unavailable_shards_exception', reason: 'injected' },
        status: 503,
      };
      return {
        status: 503,
        headers: { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' },
        body: Buffer.from(JSON.stringify(error)),
      };
    }
    return this.bulkWithRejections(target, req, body);
  }

  /** Forwards the kept items and answers the dropped ones as rejected, in the original order. */
  private async bulkWithRejections(target: URL, req: IncomingMessage, body: Buffer) {
    const lines = body
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0);
    const operations: Array<{ action: string; source: string; rejected: boolean }> = [];
    for (let index = 0; index < lines.length; index += 2) {
      operations.push({
        action: lines[index]!,
        source: lines[index + 1]!,
        rejected: this.faults.random() < this.faults.itemRejection,
      });
    }
    const kept = operations.filter((operation) => !operation.rejected);
    const upstream =
      kept.length > 0
        ? await forward(
            target,
            req,
            Buffer.from(kept.map((op) => `${op.action}\n${op.source}\n`).join(''))
          )
        : undefined;
    if (upstream && upstream.status !== 200) return upstream;
    const keptItems: unknown[] = upstream
      ? (JSON.parse(upstream.body.toString('utf8')) as { items: unknown[] }).items
      : [];
    const items = operations.map((operation) => {
      if (!operation.rejected) return keptItems.shift();
      this.rejectedItems += 1;
      const [opType, meta] = Object.entries(
        JSON.parse(operation.action) as Record<string, { _index?: string; _id?: string }>
      )[0]!;
      return {
        [opType]: {
          _index: meta._index,
          _id: meta._id,
          status: 429,
          error: {
            type: 'es_rejected_execution_exception',
            reason: 'rejected execution (injected)',
          },
        },
      };
    });
    const answer = { took: 1, errors: true, items };
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' },
      body: Buffer.from(JSON.stringify(answer)),
    };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
