/**
 * What one synthetic message looks like, per kind of mail flow: regular inbound / outbound /
 * internal / device / bounce mail, scheduled newsletters and list announcements, and the planted
 * suspicious senders. Pure functions of the caller's seeded Rng.
 */
import { type Rng } from './random';
import {
  fillSubject,
  type ExternalSender,
  type PlantedSender,
  type Population,
} from './synthetic_population';
import { MINUTE_MS, type ScheduledEvent } from './synthetic_schedule';
import type { Direction, TraceStatus } from './trace_record';

export interface Message {
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

export class MessageFactory {
  private readonly spraySender: PlantedSender;

  constructor(
    private readonly population: Population,
    private readonly rowsPerDay: number
  ) {
    this.spraySender = population.planted.find((p) => p.kind === 'spray')!;
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

  regular(rng: Rng, minute: number): Message {
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
    return this.population.planted.find((p) => p.kind === kind)!;
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

  spray(rng: Rng, minute: number, user: string): Message {
    return this.plantedInbound(
      rng,
      minute,
      this.spraySender,
      [user],
      ['Document shared with you: Q{w} bonus plan'],
      [
        ['delivered', 70],
        ['filteredAsSpam', 20],
        ['quarantined', 10],
      ],
      this.spraySender.fromIPs.slice(minute % 2, (minute % 2) + 1)
    );
  }

  scheduled(rng: Rng, minute: number, event: ScheduledEvent): Message {
    const p = this.population;
    switch (event.kind) {
      case 'newsletter': {
        const sender = p.newsletters[event.index!]!;
        const count = Math.max(3, Math.min(p.users.length, Math.round(this.rowsPerDay / 100)));
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
