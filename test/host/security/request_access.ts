import type { IndexAccess } from './index_privileges';

/** The parts of an Elasticsearch client request the host's authorisation looks at. */
export interface RequestShape {
  method: string;
  path: string;
  bulkBody?: unknown;
  querystring?: Record<string, unknown> | string;
}

export type RequestAccess =
  /** Each operation of a bulk is authorised on its own, as Elasticsearch does (403 per item). */
  | { kind: 'bulk'; operations: BulkOperation[] }
  | { kind: 'indices'; indices: string[]; access: IndexAccess }
  /** Cluster-level and admin APIs (templates, pipelines, nodes, ...). */
  | { kind: 'cluster' };

export interface BulkOperation {
  /** create | index | update | delete */
  type: string;
  index: string | undefined;
  access: IndexAccess;
  /** The action line and, except for delete, its document. */
  lines: unknown[];
}

const BULK_ACCESS: Record<string, IndexAccess> = {
  create: 'create_doc',
  index: 'index',
  update: 'index',
  delete: 'delete',
};

function parseLines(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'string') {
    return body
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as unknown);
  }
  return [];
}

export function bulkOperations(body: unknown, defaultIndex: string | undefined): BulkOperation[] {
  const lines = parseLines(body);
  const operations: BulkOperation[] = [];
  for (let i = 0; i < lines.length; ) {
    const action = lines[i] as Record<string, { _index?: string }>;
    const type = Object.keys(action)[0] ?? 'index';
    const withDocument = type !== 'delete';
    operations.push({
      type,
      index: action[type]?._index ?? defaultIndex,
      access: BULK_ACCESS[type] ?? 'index',
      lines: lines.slice(i, i + (withDocument ? 2 : 1)),
    });
    i += withDocument ? 2 : 1;
  }
  return operations;
}

const READ_ENDPOINTS = new Set(['_search', '_count', '_mget', '_pit', '_msearch', '_field_caps']);

/** What a request needs, from its method and path (`/<indices>/<endpoint>/...`). */
export function requestAccess(request: RequestShape): RequestAccess {
  const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, endpoint] = segments;
  if (first === '_bulk')
    return { kind: 'bulk', operations: bulkOperations(request.bulkBody, undefined) };
  if (first === undefined || first.startsWith('_')) return { kind: 'cluster' };
  const indices = first.split(',');
  if (endpoint === '_bulk') {
    return { kind: 'bulk', operations: bulkOperations(request.bulkBody, indices[0]) };
  }
  if (endpoint === '_create') return { kind: 'indices', indices, access: 'create_doc' };
  if (endpoint === '_doc' || endpoint === '_update') {
    const method = request.method.toUpperCase();
    if (method === 'GET' || method === 'HEAD') return { kind: 'indices', indices, access: 'read' };
    if (method === 'DELETE') return { kind: 'indices', indices, access: 'delete' };
    return { kind: 'indices', indices, access: 'index' };
  }
  if (endpoint !== undefined && READ_ENDPOINTS.has(endpoint)) {
    return { kind: 'indices', indices, access: 'read' };
  }
  return { kind: 'indices', indices, access: 'manage' };
}
