import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest, type ApiPipelineDeps } from './api_pipeline';
import { errorBody } from './response_factory';

/** Serves what is not an API route: the app pages and their assets (see test/host/public). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface HostHttpServerOptions {
  host: string;
  port: number;
  basePath: string;
  pipeline: ApiPipelineDeps;
  pages?: PageHandler;
}

export class HostHttpServer {
  private readonly server: Server;

  constructor(private readonly options: HostHttpServerOptions) {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: Error) => {
        options.pipeline.logger.error(error);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse) {
    const { basePath } = this.options;
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (basePath && url.pathname === '/') {
      res.writeHead(302, { location: `${basePath}/` }).end();
      return;
    }
    if (!url.pathname.startsWith(`${basePath}/`)) {
      this.notFound(res);
      return;
    }
    const local = new URL(url.pathname.slice(basePath.length) + url.search, url);
    if (await handleApiRequest(req, res, local, this.options.pipeline)) return;
    if (this.options.pages && (await this.options.pages(req, res, local))) return;
    this.notFound(res);
  }

  private notFound(res: ServerResponse) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody(404)));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://${this.options.host}:${port}${this.options.basePath}`;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
