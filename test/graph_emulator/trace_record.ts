/**
 * The emulator's internal row: one message × one recipient, plus the truth Graph never shows
 * (when the row becomes visible, how its status evolves, which way the mail flowed).
 */

/** exchangeMessageTraceStatus members a row can hold (unknownFutureValue is only a rendering). */
export type TraceStatus =
  | 'gettingStatus'
  | 'pending'
  | 'failed'
  | 'delivered'
  | 'expanded'
  | 'quarantined'
  | 'filteredAsSpam'
  | 'recalled';

export const TRACE_STATUSES: readonly TraceStatus[] = [
  'gettingStatus',
  'pending',
  'failed',
  'delivered',
  'expanded',
  'quarantined',
  'filteredAsSpam',
  'recalled',
];

/** A row in one of these still changes; every other status is final. */
const TRANSIENT_STATUSES: ReadonlySet<TraceStatus> = new Set(['gettingStatus', 'pending']);

export const FINAL_STATUSES: ReadonlySet<TraceStatus> = new Set(
  TRACE_STATUSES.filter((status) => !TRANSIENT_STATUSES.has(status))
);

export interface StatusChange {
  status: TraceStatus;
  /** From this instant (emulator clock, ms) a list query reports this status. */
  fromMs: number;
}

export type Direction = 'inbound' | 'outbound' | 'internal';

export interface TraceRecord {
  id: string;
  messageId: string | null;
  receivedMs: number;
  senderAddress: string | null;
  recipientAddress: string;
  subject: string | null;
  size: number;
  fromIP: string | null;
  toIP: string | null;
  /** Late arrival: the row is invisible to list queries before this instant. */
  availableAtMs: number;
  /** Non-empty, ascending by fromMs. */
  timeline: readonly StatusChange[];
  direction: Direction;
  /** Which planted suspicious sender produced this row, if any (truth for detection tests). */
  planted?: string;
  /** Expanded distribution-list rows: how many members the list expanded to. */
  expandedTo?: number;
}

export function statusAt(record: TraceRecord, atMs: number): TraceStatus {
  let status = record.timeline[0]!.status;
  for (const change of record.timeline) {
    if (change.fromMs <= atMs) status = change.status;
    else break;
  }
  return status;
}

/** Graph's sample timestamps are second-granular UTC with a `Z` and no fraction. */
export function formatGraphDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function recordKey(id: string, recipientAddress: string): string {
  return `${id}|${recipientAddress.toLowerCase()}`;
}

/** Page order: newest first, then id, then recipient — total, so skiptoken cursors are stable. */
export function comparePageOrder(a: TraceRecord, b: TraceRecord): number {
  if (a.receivedMs !== b.receivedMs) return b.receivedMs - a.receivedMs;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.recipientAddress < b.recipientAddress
    ? -1
    : a.recipientAddress > b.recipientAddress
      ? 1
      : 0;
}

/** A position in page order: everything strictly after it is still to be returned. */
export interface Cursor {
  receivedMs: number;
  id: string;
  recipientAddress: string;
}

export function isAfterCursor(record: TraceRecord, cursor: Cursor): boolean {
  return comparePageOrder(record, cursor as TraceRecord) > 0;
}

/** Where rows come from: a synthetic generator or an explicit list. */
export interface RowSource {
  /** Rows received in [startMs, endMs] in page order; lazy so huge windows stream. */
  descending(startMs: number, endMs: number): Iterable<TraceRecord>;
  /** One row by its key (for getDetailsByRecipient), whether or not it is visible yet. */
  find(id: string, recipientAddress: string): TraceRecord | undefined;
}

export interface TruthObservation {
  id: string;
  recipientAddress: string;
  status: TraceStatus;
  receivedDateTime: string;
}

/** What a perfect collector would hold for [start, end] if it looked at instant `at`. */
export function truthObservations(
  source: RowSource,
  window: { start: number; end: number; at: number }
): TruthObservation[] {
  const out: TruthObservation[] = [];
  for (const record of source.descending(window.start, window.end)) {
    if (record.availableAtMs > window.at) continue;
    out.push({
      id: record.id,
      recipientAddress: record.recipientAddress,
      status: statusAt(record, window.at),
      receivedDateTime: formatGraphDateTime(record.receivedMs),
    });
  }
  return out;
}
