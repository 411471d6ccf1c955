/**
 * A deterministic synthetic Exchange Online tenant. Rows are generated per minute bucket from
 * (seed, minute) only, so a 1,000,000-row window streams without being held in memory, the same
 * window always yields the same rows, and a skiptoken can resume at any point.
 */
import { Rng } from './random';
import { MessageFactory, type Message } from './synthetic_messages';
import { buildPopulation, type PlantedSender, type Population } from './synthetic_population';
import {
  DAY_MINUTES,
  MINUTE_MS,
  dayPlan,
  rhythmWeight,
  type ScheduledEvent,
} from './synthetic_schedule';
import {
  comparePageOrder,
  truthObservations,
  type Direction,
  type RowSource,
  type StatusChange,
  type TraceRecord,
  type TraceStatus,
  type TruthObservation,
} from './trace_record';

export interface SyntheticTenantOptions {
  seed: number;
  /** Approximate rows (message × recipient) per day; the business-hours rhythm shapes it. */
  rowsPerDay?: number;
  /** Story anchor for one-off planted events (spray burst, network switch). */
  anchorMs: number;
  localDomains?: string[];
  userCount?: number;
  /** Every row is born with its final status and never changes (exactness tests). */
  finalStatusesOnly?: boolean;
  /** false: rows are visible as soon as they are received (no late arrival). Default true. */
  lateArrivals?: boolean;
  /** No mail before this instant (a tenant with limited history, e.g. `main.ts --days`). */
  historyStartMs?: number;
}

const CACHE_BUCKETS = 256;

export class SyntheticTenant implements RowSource {
  readonly population: Population;
  readonly plantedSenders: readonly PlantedSender[];
  private readonly rowsPerMinute: number;
  private readonly buckets = new Map<number, TraceRecord[]>();
  private readonly plans = new Map<number, Map<number, ScheduledEvent[]>>();
  private readonly maskMinute: number;
  private readonly maskIndex: number;
  private readonly spray: PlantedSender;
  private readonly messages: MessageFactory;
  private readonly sprayOrder: number[];

  constructor(readonly options: SyntheticTenantOptions) {
    this.population = buildPopulation(options.seed, {
      localDomains: options.localDomains ?? ['contoso.com', 'contoso.co.uk'],
      userCount: options.userCount ?? 300,
      anchorMs: options.anchorMs,
    });
    this.plantedSenders = this.population.planted;
    this.rowsPerMinute = (options.rowsPerDay ?? 20_000) / DAY_MINUTES;
    const masks = Rng.from(options.seed, 'id-masks');
    this.maskMinute = masks.int(0, 0x7fffffff);
    this.maskIndex = masks.int(0, 0xffff);
    this.spray = this.plantedSenders.find((p) => p.kind === 'spray')!;
    this.messages = new MessageFactory(this.population, this.rowsPerMinute * DAY_MINUTES);
    const users = this.population.users.length;
    this.sprayOrder = Rng.from(options.seed, 'spray').sampleIndexes(users, Math.min(80, users));
  }

  *descending(startMs: number, endMs: number): Iterable<TraceRecord> {
    startMs = Math.max(startMs, this.options.historyStartMs ?? -Infinity);
    for (
      let minute = Math.floor(endMs / MINUTE_MS);
      minute >= Math.floor(startMs / MINUTE_MS);
      minute--
    ) {
      for (const record of this.bucket(minute)) {
        if (record.receivedMs <= endMs && record.receivedMs >= startMs) yield record;
      }
    }
  }

  find(id: string, recipientAddress: string): TraceRecord | undefined {
    const minute = parseInt(id.slice(0, 8), 16) ^ this.maskMinute;
    if (!/^[0-9a-f]{8}-/.test(id) || minute < 0) return undefined;
    const wanted = recipientAddress.toLowerCase();
    return this.bucket(minute).find(
      (r) => r.id === id && r.recipientAddress.toLowerCase() === wanted
    );
  }

  truthObservations(window: { start: number; end: number; at: number }): TruthObservation[] {
    return truthObservations(this, window);
  }

  /** All rows received in one minute, in page order. */
  bucket(minute: number): TraceRecord[] {
    const cached = this.buckets.get(minute);
    if (cached) return cached;
    const rows = this.generate(minute);
    this.buckets.set(minute, rows);
    if (this.buckets.size > CACHE_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    return rows;
  }

  private plan(day: number): Map<number, ScheduledEvent[]> {
    let plan = this.plans.get(day);
    if (!plan) {
      plan = dayPlan(this.options.seed, day, this.population.newsletters.length);
      this.plans.set(day, plan);
      if (this.plans.size > 64) this.plans.delete(this.plans.keys().next().value!);
    }
    return plan;
  }

  private generate(minute: number): TraceRecord[] {
    const rows: TraceRecord[] = [];
    if ((minute + 1) * MINUTE_MS <= (this.options.historyStartMs ?? -Infinity)) return rows;
    const rng = Rng.from(this.options.seed, 'minute', minute);
    let index = 0;
    const emit = (message: Message) => this.emit(rng, minute, index++, message, rows);
    const day = Math.floor(minute / DAY_MINUTES);
    for (const event of this.plan(day).get(minute - day * DAY_MINUTES) ?? [])
      emit(this.messages.scheduled(rng, minute, event));
    const sprayStart = Math.floor(this.spray.activeFromMs! / MINUTE_MS);
    if (minute >= sprayStart && minute < sprayStart + 10) {
      for (let k = 0; k < 8; k++) {
        const user = this.sprayOrder[(minute - sprayStart) * 8 + k];
        if (user !== undefined)
          emit(this.messages.spray(rng, minute, this.population.users[user]!));
      }
    }
    const expected = this.rowsPerMinute * rhythmWeight(minute);
    const target = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    while (rows.length < target) emit(this.messages.regular(rng, minute));
    return rows.sort(comparePageOrder);
  }

  private emit(
    rng: Rng,
    minute: number,
    index: number,
    message: Message,
    rows: TraceRecord[]
  ): void {
    const receivedMs = message.receivedMs ?? minute * MINUTE_MS + rng.int(0, 59) * 1000;
    const random = rng.hex(19);
    const id =
      `${((minute ^ this.maskMinute) >>> 0).toString(16).padStart(8, '0')}-` +
      `${((index ^ this.maskIndex) & 0xffff).toString(16).padStart(4, '0')}-4${random.slice(0, 3)}-` +
      `${'89ab'[parseInt(random[3]!, 16) & 3]}${random.slice(4, 7)}-${random.slice(7, 19)}`;
    message.recipients.forEach((recipient, i) => {
      const { availableAtMs, timeline } = this.timeline(
        rng,
        receivedMs,
        message.status(recipient, i),
        message.direction
      );
      rows.push({
        id,
        messageId: message.messageId,
        receivedMs,
        senderAddress: message.sender,
        recipientAddress: recipient,
        subject: message.subject,
        size: message.size,
        fromIP: message.fromIP,
        toIP: message.toIP(recipient),
        availableAtMs,
        timeline,
        direction: message.direction,
        ...(message.planted ? { planted: message.planted } : {}),
      });
    });
  }

  /** Late arrival and status evolution of one row. */
  private timeline(rng: Rng, receivedMs: number, final: TraceStatus, direction: Direction) {
    const roll = rng.next();
    const latency =
      this.options.lateArrivals === false
        ? 0
        : roll < 0.9
          ? rng.int(60, 600) * 1000 // Microsoft's FAQ: usually 5–10 minutes
          : roll < 0.98
            ? rng.int(10, 60) * MINUTE_MS
            : rng.int(1, 12) * 3_600_000; // legacy docs warn of up to 24 h
    const availableAtMs = receivedMs + latency;
    const changes: StatusChange[] = [];
    const transitional = rng.next();
    if (this.options.finalStatusesOnly) {
      changes.push({ status: final, fromMs: availableAtMs });
    } else if (final === 'recalled') {
      changes.push({ status: 'delivered', fromMs: availableAtMs });
      changes.push({ status: 'recalled', fromMs: availableAtMs + rng.int(5, 60) * MINUTE_MS });
    } else if (transitional < 0.05 && final !== 'expanded') {
      const initial: TraceStatus = direction === 'outbound' ? 'pending' : 'gettingStatus';
      const settle =
        initial === 'pending' && final === 'failed'
          ? rng.int(1, 6) * 3_600_000
          : rng.int(2, 45) * MINUTE_MS;
      changes.push(
        { status: initial, fromMs: availableAtMs },
        { status: final, fromMs: availableAtMs + settle }
      );
    } else {
      changes.push({ status: final, fromMs: availableAtMs });
    }
    return { availableAtMs, timeline: changes };
  }
}
