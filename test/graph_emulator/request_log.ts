/**
 * Every request the emulator answered, so tests can assert on behaviour ("no 429 caused by
 * overrunning the budget", "the token was fetched once", "nextLink followed verbatim").
 */
export type RequestKind =
  | 'token'
  | 'metadata'
  | 'list'
  | 'detail'
  | 'domains'
  | 'control'
  | 'other';

export interface RequestRecord {
  seq: number;
  /** Emulator clock time the request arrived. */
  atMs: number;
  tenantId?: string;
  clientId?: string;
  method: string;
  /** Path and query as received. */
  path: string;
  kind: RequestKind;
  status: number;
  /** A 429 because the tenant's rolling budget was exhausted (not an injected storm). */
  throttled: boolean;
  /** Name of the injected fault that shaped the answer, if any. */
  fault?: string;
  /** Rows in a list page. */
  rows?: number;
}

/** The most of `times` that any rolling window of `windowMs` holds (Graph's way of counting). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  return Math.max(
    0,
    ...times.map((end) => times.filter((t) => t > end - windowMs && t <= end).length)
  );
}

export class RequestLog {
  private readonly entries: RequestRecord[] = [];
  private seq = 0;

  constructor(private readonly limit = 1_000_000) {}

  add(entry: Omit<RequestRecord, 'seq'>): RequestRecord {
    const record = { seq: ++this.seq, ...entry };
    this.entries.push(record);
    if (this.entries.length > this.limit) this.entries.shift();
    return record;
  }

  all(): readonly RequestRecord[] {
    return this.entries;
  }

  /** Requests that count against the message trace budget (list + detail). */
  messageTraceCalls(tenantId?: string): RequestRecord[] {
    return this.entries.filter(
      (e) => (e.kind === 'list' || e.kind === 'detail') && (!tenantId || e.tenantId === tenantId)
    );
  }

  budgetThrottled(): RequestRecord[] {
    return this.entries.filter((e) => e.throttled);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
