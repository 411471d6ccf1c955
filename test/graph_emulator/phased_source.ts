/**
 * A synthetic tenant whose statuses change when a test says so, not with the clock: first every
 * row shows the first status of its timeline (gettingStatus, pending, delivered before a recall),
 * then, once `settle()` is called, its last one, except rows that started out pending, which stay
 * pending (mail a remote server keeps deferring). Reading the tenant before and after settling
 * leaves rows seen in two statuses, exactly as many as the test can count.
 */
import type { SyntheticTenant } from './synthetic_tenant';
import type { RowSource, TraceRecord, TraceStatus } from './trace_record';

export class PhasedRowSource implements RowSource {
  private settled = false;

  constructor(readonly tenant: SyntheticTenant) {}

  settle(): void {
    this.settled = true;
  }

  *descending(startMs: number, endMs: number): Iterable<TraceRecord> {
    for (const record of this.tenant.descending(startMs, endMs)) yield this.phased(record);
  }

  find(id: string, recipientAddress: string): TraceRecord | undefined {
    const record = this.tenant.find(id, recipientAddress);
    return record && this.phased(record);
  }

  private phased(record: TraceRecord): TraceRecord {
    const first = record.timeline[0]!.status;
    const last = record.timeline[record.timeline.length - 1]!.status;
    const status: TraceStatus = !this.settled || first === 'pending' ? first : last;
    return { ...record, timeline: [{ status, fromMs: record.availableAtMs }] };
  }
}
