import type { SenderReason } from '../../../common/http_api/views';
import { lookalikeOf, type Lookalike } from './lookalike';

/** What a sender did in one span of time; counts are rows (message × recipient), settled ones. */
export interface SenderActivity {
  messages: number;
  /** Settled rows by status: quarantined, filteredAsSpam, failed are the ones scored. */
  byStatus: Record<string, number>;
  recipients: number;
  /** Source networks (CIDR), see ip_network.ts. */
  networks: string[];
}

export interface SenderStats {
  /** An address, or a domain when grouped by domain. */
  sender: string;
  domain?: string;
  period: SenderActivity & { sourceIps: string[] };
  baseline: SenderActivity;
  /** Its mail that claims one of our domains but came from a network our senders do not use. */
  fromOutside: { messages: number; sourceIps: string[] };
  /** All its mail in the period went between our own domains (a colleague, or a spoof). */
  internalOnly: boolean;
}

export interface ScoringContext {
  localDomains: readonly string[];
  periodDays: number;
  /** Days of the baseline that hold data; 0 when it holds none (nothing to compare with). */
  baselineDays: number;
}

/** What each reason adds to a score at most; the explanations say why it applies. */
export const REASON_WEIGHTS = {
  ownDomainFromOutside: 40,
  lookalikeDomain: 40,
  undeliveredRatio: 40,
  newSourceNetwork: 25,
  manyRecipients: 20,
  volumeSpike: 15,
  firstSeen: 10,
} as const;

const UNDELIVERED = [
  ['quarantined', 'quarantined'],
  ['filteredAsSpam', 'filtered as spam'],
  ['failed', 'failed'],
] as const;
const MIN_MESSAGES_FOR_RATIO = 3;
const MIN_UNDELIVERED_RATIO = 0.25;
const MIN_RECIPIENTS = 20;
const MIN_SPIKE_MESSAGES = 10;
const SPIKE_FACTOR = 4;
const MIN_BASELINE_FOR_NETWORKS = 3;

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const days = (count: number) => plural(Math.round(count * 10) / 10, 'day');
const list = (items: readonly string[], max = 3) =>
  items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} more`
    : items.join(', ');

function undeliveredRatio(stats: SenderStats): SenderReason | undefined {
  const { messages, byStatus } = stats.period;
  const parts = UNDELIVERED.map(
    ([status, label]) => [byStatus[status] ?? 0, label] as const
  ).filter(([count]) => count > 0);
  const undelivered = parts.reduce((sum, [count]) => sum + count, 0);
  const ratio = messages === 0 ? 0 : undelivered / messages;
  if (messages < MIN_MESSAGES_FOR_RATIO || ratio < MIN_UNDELIVERED_RATIO) return undefined;
  return {
    code: 'undeliveredRatio',
    weight: Math.round(REASON_WEIGHTS.undeliveredRatio * ratio),
    explanation: `${percent(ratio)} of its ${plural(messages, 'message')} were not delivered: ${parts
      .map(([count, label]) => `${count} ${label}`)
      .join(', ')}.`,
  };
}

const LOOKALIKE_WEIGHTS: Record<Lookalike['kind'], number> = {
  punycode: 40,
  homoglyph: 35,
  sameName: 30,
  editDistance: 30,
  containsName: 20,
};

function lookalikeDomain(stats: SenderStats, context: ScoringContext): SenderReason | undefined {
  if (!stats.domain) return undefined;
  const match = lookalikeOf(stats.domain, context.localDomains);
  if (!match) return undefined;
  const ours = `our domain ${match.imitates}`;
  const explanation = {
    punycode: `${match.shownAs} (written ${stats.domain}) uses look-alike Unicode letters to pass for ${ours}.`,
    homoglyph: `${stats.domain} swaps look-alike characters to pass for ${ours}.`,
    sameName: `${stats.domain} uses the name of ${ours} under another suffix.`,
    editDistance: `${stats.domain} is ${plural(match.distance ?? 1, 'character')} away from ${ours}.`,
    containsName: `${match.shownAs} contains the name of ${ours}.`,
  }[match.kind];
  const weight =
    match.kind === 'editDistance' && (match.distance ?? 1) > 1 ? 20 : LOOKALIKE_WEIGHTS[match.kind];
  return { code: 'lookalikeDomain', weight, explanation };
}

function ownDomainFromOutside(stats: SenderStats): SenderReason | undefined {
  const { messages, sourceIps } = stats.fromOutside;
  if (messages === 0) return undefined;
  return {
    code: 'ownDomainFromOutside',
    weight: REASON_WEIGHTS.ownDomainFromOutside,
    explanation: `${plural(messages, 'message')} claim our domain ${stats.domain ?? stats.sender} but came from ${list(
      sourceIps
    )}, outside the networks our own mail comes from.`,
  };
}

/** Reasons that compare with the sender's own past; they need a baseline with data. */
function againstBaseline(stats: SenderStats, context: ScoringContext): SenderReason[] {
  if (context.baselineDays <= 0 || stats.internalOnly) return [];
  const { period, baseline } = stats;
  const before = `in the ${days(context.baselineDays)} before`;
  const reasons: SenderReason[] = [];
  if (baseline.messages === 0 && period.messages > 0) {
    reasons.push({
      code: 'firstSeen',
      weight: REASON_WEIGHTS.firstSeen,
      explanation: `First seen in this period: no mail from it ${before}.`,
    });
  }
  if (period.recipients >= MIN_RECIPIENTS && period.recipients > 2 * baseline.recipients) {
    reasons.push({
      code: 'manyRecipients',
      weight: REASON_WEIGHTS.manyRecipients,
      explanation: `Sent to ${period.recipients} different recipients, against ${baseline.recipients} ${before}.`,
    });
  }
  const dailyNow = period.messages / context.periodDays;
  const dailyBefore = baseline.messages / context.baselineDays;
  if (
    baseline.messages > 0 &&
    period.messages >= MIN_SPIKE_MESSAGES &&
    dailyNow >= SPIKE_FACTOR * dailyBefore
  ) {
    reasons.push({
      code: 'volumeSpike',
      weight: REASON_WEIGHTS.volumeSpike,
      explanation: `Sent ${dailyNow.toFixed(1)} messages a day, ${Math.round(dailyNow / dailyBefore)}× its ${dailyBefore.toFixed(1)} a day ${before}.`,
    });
  }
  const known = new Set(baseline.networks);
  const fresh = period.networks.filter((network) => !known.has(network));
  if (
    baseline.messages >= MIN_BASELINE_FOR_NETWORKS &&
    fresh.length > 0 &&
    baseline.networks.length > 0
  ) {
    reasons.push({
      code: 'newSourceNetwork',
      weight: REASON_WEIGHTS.newSourceNetwork,
      explanation: `Sent from ${list(fresh)}, never used by it ${before} (it used ${list(baseline.networks)}).`,
    });
  }
  return reasons;
}

/** Every reason a sender is suspicious, strongest first; none for an ordinary sender. */
export function senderReasons(stats: SenderStats, context: ScoringContext): SenderReason[] {
  return [
    ownDomainFromOutside(stats),
    lookalikeDomain(stats, context),
    undeliveredRatio(stats),
    ...againstBaseline(stats, context),
  ]
    .filter((reason): reason is SenderReason => reason !== undefined)
    .sort((a, b) => b.weight - a.weight);
}

export const scoreOf = (reasons: readonly SenderReason[]) =>
  reasons.reduce((sum, reason) => sum + reason.weight, 0);
