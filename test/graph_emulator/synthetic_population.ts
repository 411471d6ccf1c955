/**
 * Who sends and receives mail in the synthetic tenant: local users and lists, busy legitimate
 * external senders, and the planted suspicious senders detection tests look for. Built once per
 * seed; the per-minute generator only draws from it.
 */
import { domainToASCII } from 'node:url';
import { Rng } from './random';

const FIRST = [
  'adele',
  'alex',
  'allan',
  'bianca',
  'brian',
  'cameron',
  'christie',
  'debra',
  'diego',
  'emily',
  'enrico',
  'grady',
  'henrietta',
  'irvin',
  'isaiah',
  'johanna',
  'joni',
  'lee',
  'lidia',
  'lynne',
  'megan',
  'miriam',
  'nestor',
  'patti',
  'pradeep',
  'raul',
  'sanjay',
  'tomas',
  'wanda',
  'yuki',
];
const LAST = [
  'vance',
  'wilber',
  'deyoung',
  'jones',
  'cathay',
  'white',
  'burke',
  'berg',
  'soto',
  'braun',
  'catteneo',
  'archie',
  'mueller',
  'bayer',
  'langer',
  'lauer',
  'sherman',
  'gu',
  'holloway',
  'guillory',
  'bowen',
  'gonzalez',
  'wilke',
  'fernandez',
  'gupta',
  'razi',
  'shah',
  'novak',
  'ito',
  'okafor',
];

export interface ExternalSender {
  address: string;
  /** Public IPs of the sending SMTP servers (real provider ranges for legitimate senders). */
  ips: readonly string[];
  subjects: readonly string[];
  weight: number;
}

export type PlantedKind =
  | 'lookalikeDomain'
  | 'homoglyphDomain'
  | 'spray'
  | 'spamHeavy'
  | 'spoofedLocalDomain'
  | 'newSourceNetwork';

export interface PlantedSender {
  kind: PlantedKind;
  senderAddress: string;
  /** The local domain (or user) it imitates, when it imitates one. */
  imitates?: string;
  fromIPs: readonly string[];
  /** newSourceNetwork: the network it used before `activeFromMs`. */
  previousFromIPs?: readonly string[];
  /** One-off activity window (spray burst, network switch); absent = recurring daily. */
  activeFromMs?: number;
  activeToMs?: number;
  description: string;
}

export interface Population {
  localDomains: readonly string[];
  /** A subdomain of the primary domain used by on-premises devices relaying through a connector. */
  deviceSubdomain: string;
  users: readonly string[];
  financeUsers: readonly string[];
  distributionList: { address: string; memberCount: number };
  partners: readonly ExternalSender[];
  newsletters: readonly ExternalSender[];
  outboundDomains: ReadonlyArray<{ domain: string; mxIp: string }>;
  planted: readonly PlantedSender[];
  ndrSender: string;
}

const ip = (rng: Rng, prefix: string) => `${prefix}.${rng.int(1, 254)}`;

export function buildPopulation(
  seed: number,
  options: { localDomains: readonly string[]; userCount: number; anchorMs: number }
): Population {
  const rng = Rng.from(seed, 'population');
  const [primary, secondary] = [
    options.localDomains[0]!,
    options.localDomains[1] ?? options.localDomains[0]!,
  ];
  const base = primary.split('.')[0]!;
  const users: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; users.length < options.userCount; i++) {
    const local = `${rng.pick(FIRST)}.${rng.pick(LAST)}${i >= FIRST.length * LAST.length ? i : ''}`;
    if (seen.has(local)) continue;
    seen.add(local);
    users.push(`${local}@${rng.chance(0.8) ? primary : secondary}`);
  }
  const financeUsers = users.slice(0, Math.max(3, Math.floor(users.length / 20)));
  const eop = (n: number) => Array.from({ length: n }, () => ip(rng, `40.107.${rng.int(0, 255)}`));
  const partners: ExternalSender[] = [
    {
      address: 'orders@fabrikam.com',
      ips: eop(4),
      subjects: ['PO {n} confirmation', 'Order {n} shipped', 'Re: Delivery schedule week {w}'],
      weight: 6,
    },
    {
      address: 'j.smith@northwindtraders.com',
      ips: eop(3),
      subjects: ['Re: Contract renewal', 'Meeting notes {d}', 'Quote {n}'],
      weight: 4,
    },
    {
      address: 'support@adventure-works.com',
      ips: [ip(rng, '209.85.220'), ip(rng, '209.85.221')],
      subjects: ['Ticket #{n} updated', 'Your case {n}'],
      weight: 3,
    },
    {
      address: 'billing@tailspintoys.com',
      ips: [ip(rng, '52.100.10')],
      subjects: ['Invoice {n}', 'Payment received {n}'],
      weight: 2,
    },
    {
      address: 'recruiting@wingtiptoys.com',
      ips: [ip(rng, '167.89.10')],
      subjects: ['Candidate {n}', 'Interview schedule'],
      weight: 1,
    },
  ];
  const consumerDomains: ReadonlyArray<[string, string]> = [
    ['gmail.com', '209.85.128'],
    ['outlook.com', '40.92.18'],
    ['yahoo.com', '98.136.96'],
  ];
  for (const [domain, prefix] of consumerDomains) {
    for (let i = 0; i < 3; i++) {
      partners.push({
        address: `${rng.pick(FIRST)}.${rng.pick(LAST)}${rng.int(1, 99)}@${domain}`,
        ips: [ip(rng, prefix), ip(rng, prefix)],
        subjects: ['Hello', 'Re: your message', 'Question about {n}', 'Fwd: photos'],
        weight: 1,
      });
    }
  }
  const newsletters: ExternalSender[] = [
    {
      address: 'news@email.northwindtraders.com',
      ips: [ip(rng, '167.89.115'), ip(rng, '167.89.116')],
      subjects: ['Northwind Weekly — issue {n}'],
      weight: 1,
    },
    {
      address: 'digest@updates.adatum.com',
      ips: [ip(rng, '54.240.3')],
      subjects: ['Your daily industry digest'],
      weight: 1,
    },
    {
      address: 'noreply@notifications.litware.com',
      ips: [ip(rng, '198.2.128')],
      subjects: ['Product update {n}'],
      weight: 1,
    },
  ];
  const outboundDomains = [
    'fabrikam.com',
    'northwindtraders.com',
    'adventure-works.com',
    'tailspintoys.com',
    'gmail.com',
    'outlook.com',
    'woodgrovebank.com',
    'proseware.com',
  ].map((domain) => ({
    domain,
    mxIp:
      domain === 'outlook.com' || domain === 'fabrikam.com'
        ? ip(rng, '52.101.73')
        : ip(rng, '142.250.27'),
  }));
  const homoglyph = domainToASCII(primary.replace('o', '\u043e')); // Cyrillic "о"
  const lookalike = primary.replace('o', '0');
  const spoofed = financeUsers[0]!.replace(/@.*/, `@${primary}`);
  const switchMs = options.anchorMs - 36 * 3_600_000;
  const sprayStart = options.anchorMs - 2 * 3_600_000;
  const planted: PlantedSender[] = [
    {
      kind: 'lookalikeDomain',
      senderAddress: `accounts@${lookalike}`,
      imitates: primary,
      fromIPs: ['203.0.113.77'],
      description: `Digit-for-letter lookalike of ${primary}; a few invoice-themed mails per weekday to finance, mostly delivered.`,
    },
    {
      kind: 'homoglyphDomain',
      senderAddress: `it-support@${homoglyph}`,
      imitates: primary,
      fromIPs: ['203.0.113.78'],
      description: `Punycode homoglyph of ${primary} (Cyrillic о); password-reset lures on weekdays.`,
    },
    {
      kind: 'spray',
      senderAddress: 'shared-docs@docsign-secure.net',
      fromIPs: ['203.0.113.200', '203.0.113.201'],
      activeFromMs: sprayStart,
      activeToMs: sprayStart + 10 * 60_000,
      description:
        'One burst of ~80 single-recipient mails to distinct users within 10 minutes, two hours before the anchor.',
    },
    {
      kind: 'spamHeavy',
      senderAddress: `offers@bestdeals-promo.biz`,
      fromIPs: ['198.51.100.23', '198.51.100.24', '198.51.100.25'],
      description: 'About 20 mails a day, ~90% filteredAsSpam or quarantined.',
    },
    {
      kind: 'spoofedLocalDomain',
      senderAddress: spoofed,
      imitates: spoofed,
      fromIPs: ['192.0.2.66'],
      description: `Spoofs a local finance user (${spoofed}) from an outside IP (inbound, toIP "").`,
    },
    {
      kind: 'newSourceNetwork',
      senderAddress: 'invoices@fabrikam.com',
      fromIPs: ['192.0.2.150', '192.0.2.151'],
      previousFromIPs: partners[0]!.ips,
      activeFromMs: switchMs,
      description:
        'Known partner that sent from Microsoft (EOP) IPs and switches to a never-seen network 36 hours before the anchor.',
    },
  ];
  return {
    localDomains: options.localDomains,
    deviceSubdomain: `mail.${primary}`,
    users,
    financeUsers,
    distributionList: { address: `all-staff@${primary}`, memberCount: Math.min(25, users.length) },
    partners,
    newsletters,
    outboundDomains,
    planted,
    ndrSender: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${base}.onmicrosoft.com`,
  };
}

/** Fills `{n}`, `{w}`, `{d}` placeholders so subjects vary but stay deterministic. */
export function fillSubject(rng: Rng, template: string, receivedMs: number): string {
  const date = new Date(receivedMs);
  return template
    .replace('{n}', String(rng.int(10000, 99999)))
    .replace('{w}', String(1 + Math.floor(date.getUTCDate() / 7) + date.getUTCMonth() * 4))
    .replace('{d}', date.toISOString().slice(0, 10));
}
