/**
 * Why a Graph or Entra call failed, in the terms the collector acts on: transient kinds are retried
 * within the budget; the others stop the run and say what to fix.
 */
export type GraphFailureKind =
  | 'throttled'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'invalidResponse'
  | 'authentication'
  | 'servicePrincipalMissing'
  | 'forbidden'
  | 'badRequest'
  | 'notFound'
  | 'aborted';

const TRANSIENT: ReadonlySet<GraphFailureKind> = new Set([
  'throttled',
  'unavailable',
  'timeout',
  'network',
  'invalidResponse',
]);

/** Microsoft's own Exchange app whose service principal the tenant must create first. */
export const EXCHANGE_TRACE_APP_ID = '8bd644d1-64a1-4d4b-ae52-2e0cbf64e373';

export class GraphError extends Error {
  readonly transient: boolean;

  constructor(
    readonly kind: GraphFailureKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      /** The AADSTS number of an Entra failure, e.g. 7000215. */
      aadsts?: number;
      retryAfterMs?: number;
    } = {}
  ) {
    super(message);
    this.name = 'GraphError';
    this.transient = TRANSIENT.has(kind);
  }
}

interface GraphErrorBody {
  error?: { code?: string; message?: string };
}

function parseBody(text: string): GraphErrorBody {
  try {
    return JSON.parse(text) as GraphErrorBody;
  } catch {
    return {};
  }
}

/** Retry-After is seconds (Graph) or an HTTP date. */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: number
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function graphErrorFromResponse(
  status: number,
  text: string,
  retryAfter: number | undefined
): GraphError {
  const body = parseBody(text);
  const code = body.error?.code;
  const message = body.error?.message ?? (text.slice(0, 300) || `HTTP ${status}`);
  const details = { status, code, retryAfterMs: retryAfter };
  if (status === 429)
    return new GraphError('throttled', `Throttled by Microsoft Graph: ${message}`, details);
  if (status === 401 && message.includes(EXCHANGE_TRACE_APP_ID)) {
    return new GraphError('servicePrincipalMissing', message, details);
  }
  if (status === 401) return new GraphError('authentication', message, details);
  if (status === 403) return new GraphError('forbidden', message, details);
  if (status === 404) return new GraphError('notFound', message, details);
  if (status >= 500 || status === 408) return new GraphError('unavailable', message, details);
  return new GraphError('badRequest', message, details);
}
