/** Rows given verbatim by a test (`TenantSpec.rows`), with optional late arrival and timelines. */
import {
  comparePageOrder,
  recordKey,
  type Direction,
  type RowSource,
  type StatusChange,
  type TraceRecord,
  type TraceStatus,
} from './trace_record';

export interface ExplicitRow {
  id: string;
  receivedDateTime: string;
  recipientAddress: string;
  messageId?: string | null;
  senderAddress?: string | null;
  subject?: string | null;
  size?: number;
  fromIP?: string | null;
  toIP?: string | null;
  /** Final status when no timeline is given; default `delivered`. */
  status?: TraceStatus;
  /** ISO string or epoch ms; default: visible from receivedDateTime on. */
  availableAt?: string | number;
  /** Status history; the first entry's `from` defaults the row's availableAt. */
  timeline?: Array<{ status: TraceStatus; from: string | number }>;
  direction?: Direction;
}

const toMs = (value: string | number): number =>
  typeof value === 'number' ? value : Date.parse(value);

export function explicitRecord(row: ExplicitRow): TraceRecord {
  const receivedMs = toMs(row.receivedDateTime);
  if (Number.isNaN(receivedMs)) throw new Error(`row ${row.id}: bad receivedDateTime`);
  const timeline: StatusChange[] = row.timeline
    ? row.timeline
        .map((c) => ({ status: c.status, fromMs: toMs(c.from) }))
        .sort((a, b) => a.fromMs - b.fromMs)
    : [];
  const availableAtMs =
    row.availableAt !== undefined ? toMs(row.availableAt) : (timeline[0]?.fromMs ?? receivedMs);
  if (timeline.length === 0)
    timeline.push({ status: row.status ?? 'delivered', fromMs: availableAtMs });
  return {
    id: row.id,
    messageId: row.messageId === undefined ? `<${row.id}@example.test>` : row.messageId,
    receivedMs,
    senderAddress: row.senderAddress === undefined ? 'sender@example.test' : row.senderAddress,
    recipientAddress: row.recipientAddress,
    subject: row.subject === undefined ? 'Test message' : row.subject,
    size: row.size ?? 1024,
    fromIP: row.fromIP === undefined ? '203.0.113.10' : row.fromIP,
    toIP: row.toIP === undefined ? '' : row.toIP,
    availableAtMs,
    timeline,
    direction: row.direction ?? 'inbound',
  };
}

export class ExplicitRowSource implements RowSource {
  private readonly sorted: TraceRecord[];
  private readonly byKey = new Map<string, TraceRecord>();

  constructor(rows: readonly ExplicitRow[]) {
    this.sorted = rows.map(explicitRecord).sort(comparePageOrder);
    for (const record of this.sorted)
      this.byKey.set(recordKey(record.id, record.recipientAddress), record);
  }

  *descending(startMs: number, endMs: number): Iterable<TraceRecord> {
    // Binary search for the first row not newer than endMs.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.receivedMs > endMs) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length; i++) {
      const record = this.sorted[i]!;
      if (record.receivedMs < startMs) return;
      yield record;
    }
  }

  find(id: string, recipientAddress: string): TraceRecord | undefined {
    return this.byKey.get(recordKey(id, recipientAddress));
  }
}
