/**
 * A deterministic synthetic Exchange Online tenant. Rows are generated per minute bucket from
 * (seed, minute) only, so a 1,000,000-row window streams without being held in memory, the same
 * window always yields the same rows, and a skiptoken can resume at any point.
 */
import { Rng } from './random';
import {
  buildPopulation,
  fillSubject,
  type ExternalSender,
  type PlantedSender,
  type Population,
} from './synthetic_population';
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

interface Message {
  sender: string | null;
  recipients: readonly string[];
  direction: Direction;
  fromIP: string | null;
  toIP: (recipient: string) => string | null;
  subject: string | null;
  size: number;
  messageId: string | null;
  status: (recipient: string, index: number) => TraceStatus;
  planted?: string;
  receivedMs?: number;
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
      emit(this.scheduled(rng, minute, event));
    const sprayStart = Math.floor(this.spray.activeFromMs! / MINUTE_MS);
    if (minute >= sprayStart && minute < sprayStart + 10) {
      for (let k = 0; k < 8; k++) {
        const user = this.sprayOrder[(minute - sprayStart) * 8 + k];
        if (user !== undefined) emit(this.sprayMessage(rng, minute, this.population.users[user]!));
      }
    }
    const expected = this.rowsPerMinute * rhythmWeight(minute);
    const target = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    while (rows.length < target) emit(this.regular(rng, minute));
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

  private subjectOr(rng: Rng, subject: string): string | null {
    const roll = rng.next();
    return roll < 0.003 ? null : roll < 0.005 ? '' : subject;
  }

  private localMessageId(rng: Rng): string | null {
    if (rng.chance(0.0005)) return null;
    const server = `${rng.pick(['AM9PR04MB', 'DB9PR04MB', 'PAXPR04MB', 'VI1PR04MB'])}${rng.int(1000, 9999)}`;
    return `<${server}${rng.hex(24).toUpperCase()}@${server}.eurprd04.prod.outlook.com>`;
  }

  private clientIP(rng: Rng): string | null {
    return rng.chance(0.6) ? null : `2603:10a6:20b:${rng.hex(3)}::${rng.hex(2)}`;
  }

  private size(rng: Rng, median = 30_000): number {
    return Math.round(Math.min(35_000_000, Math.max(800, rng.logNormal(median, 1.1))));
  }

  private users(rng: Rng, count: number): string[] {
    return rng
      .sampleIndexes(this.population.users.length, count)
      .map((i) => this.population.users[i]!);
  }

  private inbound(
    rng: Rng,
    minute: number,
    sender: ExternalSender,
    recipients: string[],
    status: Message['status'],
    extra: Partial<Message> = {}
  ): Message {
    return {
      sender: sender.address,
      recipients,
      direction: 'inbound',
      fromIP: rng.pick(sender.ips),
      toIP: () => '', // Graph: blank for inbound
      subject: this.subjectOr(rng, fillSubject(rng, rng.pick(sender.subjects), minute * MINUTE_MS)),
      size: this.size(rng),
      messageId: `<${rng.guid()}@${sender.address.split('@')[1]}>`,
      status,
      ...extra,
    };
  }

  private regular(rng: Rng, minute: number): Message {
    const p = this.population;
    const kind = rng.weighted([
      ['inbound', 46],
      ['outbound', 24],
      ['internal', 24],
      ['device', 2],
      ['bounceIn', 2],
      ['ndr', 2],
    ] as const);
    const count = rng.weighted([
      [1, 80],
      [2, 9],
      [3, 6],
      [4, 3],
      [7, 2],
    ] as const);
    if (kind === 'inbound') {
      const sender = rng.weighted(p.partners.map((s) => [s, s.weight] as const));
      const spam = rng.weighted([
        ['delivered', 95],
        ['filteredAsSpam', 3.5],
        ['quarantined', 1.5],
      ] as const);
      const recipients = this.users(rng, count);
      if (rng.chance(0.01)) recipients[0] = `former.employee${rng.int(1, 40)}@${p.localDomains[0]}`;
      return this.inbound(rng, minute, sender, recipients, (r) =>
        r.startsWith('former.employee') ? 'failed' : spam
      );
    }
    if (kind === 'outbound') {
      const targets = Array.from({ length: Math.min(count, 3) }, () => rng.pick(p.outboundDomains));
      const recipients = [
        ...new Set(
          targets.map(
            (t) => `${rng.pick(['info', 'sales', 'j.doe', 'a.martin', 'support'])}@${t.domain}`
          )
        ),
      ];
      return {
        sender: rng.pick(p.users),
        recipients,
        direction: 'outbound',
        fromIP: this.clientIP(rng),
        toIP: (r) => p.outboundDomains.find((t) => r.endsWith(`@${t.domain}`))!.mxIp,
        subject: this.subjectOr(
          rng,
          rng.pick([
            'Re: Proposal',
            'Invoice attached',
            'Meeting follow-up',
            'Quote request',
            'Re: Order status',
          ])
        ),
        size: this.size(rng),
        messageId: this.localMessageId(rng),
        status: () =>
          rng.weighted([
            ['delivered', 97],
            ['failed', 3],
          ] as const),
      };
    }
    if (kind === 'internal' || kind === 'ndr') {
      const recall = rng.chance(0.003);
      const ndr = kind === 'ndr';
      return {
        sender: ndr ? p.ndrSender : rng.pick(p.users),
        recipients: this.users(rng, ndr ? 1 : Math.min(count + 1, 6)),
        direction: 'internal',
        fromIP: ndr ? null : this.clientIP(rng),
        toIP: () => null,
        subject: ndr
          ? 'Undeliverable: Re: Proposal'
          : this.subjectOr(
              rng,
              rng.pick([
                'Lunch?',
                'Team sync notes',
                'Draft for review',
                'Re: Budget',
                'Out of office',
              ])
            ),
        size: this.size(rng, 20_000),
        messageId: this.localMessageId(rng),
        status: () => (recall ? 'recalled' : 'delivered'),
      };
    }
    if (kind === 'device') {
      return {
        sender: `${rng.pick(['scanner', 'alerts', 'ups-monitor'])}@${p.deviceSubdomain}`,
        recipients: this.users(rng, 1),
        direction: 'internal',
        fromIP: '81.2.69.160', // on-premises egress through an inbound connector
        toIP: () => null,
        subject: rng.pick(['Scanned document', 'UPS on battery', 'Backup job completed']),
        size: this.size(rng, 200_000),
        messageId: `<${rng.guid()}@${p.deviceSubdomain}>`,
        status: () => 'delivered',
      };
    }
    // Null-sender bounce from a remote server for something we sent.
    const target = rng.pick(p.outboundDomains);
    return {
      sender: '<>',
      recipients: this.users(rng, 1),
      direction: 'inbound',
      fromIP: target.mxIp,
      toIP: () => '',
      subject: 'Undeliverable: Re: Proposal',
      size: this.size(rng, 12_000),
      messageId: `<${rng.guid()}@${target.domain}>`,
      status: () => 'delivered',
    };
  }

  private planted(kind: PlantedSender['kind']): PlantedSender {
    return this.plantedSenders.find((p) => p.kind === kind)!;
  }

  private plantedInbound(
    rng: Rng,
    minute: number,
    planted: PlantedSender,
    recipients: string[],
    subjects: string[],
    statuses: ReadonlyArray<readonly [TraceStatus, number]>,
    fromIPs = planted.fromIPs
  ): Message {
    const domain = planted.senderAddress.split('@')[1]!;
    const sender: ExternalSender = {
      address: planted.senderAddress,
      ips: fromIPs,
      subjects,
      weight: 1,
    };
    const status = rng.weighted(statuses);
    return this.inbound(rng, minute, sender, recipients, () => status, {
      planted: planted.kind,
      messageId: `<${rng.hex(12)}@${domain}>`,
    });
  }

  private sprayMessage(rng: Rng, minute: number, user: string): Message {
    return this.plantedInbound(
      rng,
      minute,
      this.spray,
      [user],
      ['Document shared with you: Q{w} bonus plan'],
      [
        ['delivered', 70],
        ['filteredAsSpam', 20],
        ['quarantined', 10],
      ],
      this.spray.fromIPs.slice(minute % 2, (minute % 2) + 1)
    );
  }

  private scheduled(rng: Rng, minute: number, event: ScheduledEvent): Message {
    const p = this.population;
    switch (event.kind) {
      case 'newsletter': {
        const sender = p.newsletters[event.index!]!;
        const count = Math.max(
          3,
          Math.min(p.users.length, Math.round((this.rowsPerMinute * DAY_MINUTES) / 100))
        );
        return {
          ...this.inbound(rng, minute, sender, this.users(rng, count), () =>
            rng.chance(0.02) ? 'filteredAsSpam' : 'delivered'
          ),
          size: this.size(rng, 80_000),
        };
      }
      case 'listAnnouncement': {
        const members = this.users(rng, p.distributionList.memberCount);
        return {
          sender: rng.pick(p.users),
          recipients: [p.distributionList.address, ...members],
          direction: 'internal',
          fromIP: this.clientIP(rng),
          toIP: () => null,
          subject: 'Company update',
          size: this.size(rng, 60_000),
          messageId: this.localMessageId(rng),
          status: (r) => (r === p.distributionList.address ? 'expanded' : 'delivered'),
        };
      }
      case 'lookalikeDomain':
        return this.plantedInbound(
          rng,
          minute,
          this.planted('lookalikeDomain'),
          [rng.pick(p.financeUsers)],
          ['Overdue invoice {n}', 'Updated bank details'],
          [
            ['delivered', 85],
            ['filteredAsSpam', 15],
          ]
        );
      case 'homoglyphDomain':
        return this.plantedInbound(
          rng,
          minute,
          this.planted('homoglyphDomain'),
          this.users(rng, 1),
          ['Password expires today', 'Mailbox storage full'],
          [
            ['delivered', 60],
            ['quarantined', 25],
            ['filteredAsSpam', 15],
          ]
        );
      case 'spamHeavy':
        return this.plantedInbound(
          rng,
          minute,
          this.planted('spamHeavy'),
          this.users(rng, rng.int(1, 3)),
          ['You won!', '90% off today only', 'Claim your reward'],
          [
            ['filteredAsSpam', 60],
            ['quarantined', 30],
            ['delivered', 10],
          ]
        );
      case 'spoofedLocalDomain':
        return this.plantedInbound(
          rng,
          minute,
          this.planted('spoofedLocalDomain'),
          [rng.pick(p.financeUsers)],
          ['Urgent wire transfer', 'Are you at your desk?'],
          [
            ['quarantined', 50],
            ['filteredAsSpam', 25],
            ['delivered', 25],
          ]
        );
      case 'partnerInvoices': {
        const planted = this.planted('newSourceNetwork');
        const switched = minute * MINUTE_MS >= planted.activeFromMs!;
        const message = this.plantedInbound(
          rng,
          minute,
          planted,
          [rng.pick(p.financeUsers)],
          ['Invoice {n}', 'Statement {d}'],
          [
            ['delivered', 98],
            ['filteredAsSpam', 2],
          ],
          switched ? planted.fromIPs : planted.previousFromIPs
        );
        if (!switched) delete message.planted;
        return message;
      }
    }
  }
}
