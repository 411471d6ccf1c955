import type {
  HttpFetchOptions,
  HttpFetchOptionsWithPath,
  HttpFetchQuery,
  HttpHandler,
  HttpResponse,
  HttpSetup,
  IBasePath,
  IHttpFetchError,
} from '@kbn/core/public';

/** Kibana's `IHttpFetchError`: the message is the response body's `message` when there is one. */
class HttpFetchError extends Error implements IHttpFetchError {
  constructor(
    message: string,
    name: string,
    readonly request: Request,
    readonly response?: Response,
    readonly body?: unknown
  ) {
    super(message);
    this.name = name;
  }
}

export function createBasePath(basePath: string): IBasePath {
  return {
    serverBasePath: basePath,
    get: () => basePath,
    prepend: (url) =>
      basePath && url.startsWith('/') && !url.startsWith('//') ? `${basePath}${url}` : url,
    remove: (url) => {
      if (!basePath) return url;
      if (url === basePath) return '/';
      return url.startsWith(`${basePath}/`) || url.startsWith(`${basePath}?`)
        ? url.slice(basePath.length)
        : url;
    },
  };
}

function queryString(query: HttpFetchQuery | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function requestHeaders(options: HttpFetchOptions, kibanaVersion: string): Headers {
  const headers = new Headers();
  const isForm = options.body instanceof FormData || options.body instanceof Blob;
  if (!isForm) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) headers.delete(name);
    else headers.set(name, String(value));
  }
  headers.set('kbn-version', kibanaVersion);
  headers.set('kbn-xsrf', 'true');
  headers.set('x-elastic-internal-origin', 'Kibana');
  if (options.version) headers.set('elastic-api-version', options.version);
  if (options.asSystemRequest) headers.set('kbn-system-request', 'true');
  return headers;
}

async function readBody(response: Response, options: HttpFetchOptions): Promise<unknown> {
  if (options.rawResponse) return null;
  const contentType = response.headers.get('content-type') ?? '';
  if (/ndjson|octet-stream/.test(contentType)) return response.blob();
  const text = await response.text();
  if (text === '') return undefined;
  if (!/json/.test(contentType)) return text;
  return JSON.parse(text) as unknown;
}

/** `core.http` as Kibana's browser client: base path, Kibana's headers, JSON in and out. */
export function createHttpService(basePath: string, kibanaVersion: string): HttpSetup {
  const base = createBasePath(basePath);

  async function fetchWithOptions(options: HttpFetchOptionsWithPath): Promise<unknown> {
    const { path, query, prependBasePath = true, asResponse, version: _v, ...init } = options;
    const url = `${prependBasePath ? base.prepend(path) : path}${queryString(query)}`;
    const request = new Request(new URL(url, window.location.href), {
      ...(init as RequestInit),
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: requestHeaders(options, kibanaVersion),
    });
    let response: Response;
    try {
      response = await window.fetch(request);
    } catch (error) {
      const cause = error as Error;
      throw new HttpFetchError(cause.message, cause.name, request);
    }
    let body: unknown;
    try {
      body = await readBody(response, options);
    } catch (error) {
      throw new HttpFetchError((error as Error).message, 'Error', request, response);
    }
    if (!response.ok) {
      const message = (body as { message?: unknown } | undefined)?.message;
      const text = typeof message === 'string' ? message : response.statusText;
      throw new HttpFetchError(text, 'Error', request, response, body);
    }
    if (asResponse) {
      return { fetchOptions: options, request, response, body } satisfies HttpResponse;
    }
    return body;
  }

  const handler = (method?: string): HttpHandler =>
    ((pathOrOptions: string | HttpFetchOptionsWithPath, options: HttpFetchOptions = {}) => {
      const merged =
        typeof pathOrOptions === 'string' ? { ...options, path: pathOrOptions } : pathOrOptions;
      return fetchWithOptions(method ? { ...merged, method } : merged);
    }) as HttpHandler;

  return {
    basePath: base,
    fetch: handler(),
    get: handler('GET'),
    head: handler('HEAD'),
    options: handler('OPTIONS'),
    post: handler('POST'),
    put: handler('PUT'),
    patch: handler('PATCH'),
    delete: handler('DELETE'),
  };
}
