import { durationText } from '../../../common/duration_text';
import type { SenderReason } from '../../../common/http_api/views';
import { REASON_WEIGHTS } from '../../../common/sender_reasons';
import { DAY_MS } from '../../../common/time';
import { blockOf } from './ip_network';
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

/** When a sender first used a source network in the period, and how much mail came from it. */
export interface NetworkUse {
  network: string;
  firstMs: number;
  messages: number;
}

export interface SenderStats {
  /** An address, or a domain when grouped by domain. */
  sender: string;
  domain?: string;
  /** Its first mail in the baseline and period; needed only without a baseline. */
  firstMs?: number;
  period: SenderActivity & { sourceIps: string[]; networkUse?: NetworkUse[] };
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
  /** The first mail of all in the baseline and period: where a young install's history begins. */
  dataStartMs?: number;
}

/**
 * Less mail than this before the period is no baseline (a new install's first minutes would make
 * every busy partner a "spike" from "new networks"): a day's rhythm is the least to compare with.
 */
export const MIN_BASELINE_DAYS = 1;
const MIN_BASELINE_MS = MIN_BASELINE_DAYS * DAY_MS;

/**
 * Without a baseline, silence this long before a sender's first mail makes it new: senders that
 * mail on workdays come back within a weekend and a day.
 */
const MIN_SILENCE_MS = 3 * DAY_MS;

export const hasEnoughBaseline = (baselineDays: number) => baselineDays >= MIN_BASELINE_DAYS;

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

/** Reasons that compare the period with the sender's mail in the baseline before it. */
function againstBaseline(stats: SenderStats, context: ScoringContext): SenderReason[] {
  const { period, baseline } = stats;
  const before = `in the ${durationText(context.baselineDays * DAY_MS)} before`;
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
  // A provider's pool hands out neighbouring /24s in turn: only another block is a new network.
  const knownBlocks = new Set(baseline.networks.map(blockOf));
  const fresh = period.networks.filter((network) => !knownBlocks.has(blockOf(network)));
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

/**
 * Without a baseline (a young install), a sender is compared with its own earlier mail in the
 * period: first seen three days or more after the data begins, or a network of another block
 * (another provider: a pool's neighbouring /24s come and go) first used a day or more after its
 * first mail, with mail from other networks before. Volume needs a baseline.
 */
function againstOwnEarlierMail(stats: SenderStats, context: ScoringContext): SenderReason[] {
  const { period, baseline, firstMs } = stats;
  if (firstMs === undefined || context.dataStartMs === undefined) return [];
  const reasons: SenderReason[] = [];
  const silentMs = firstMs - context.dataStartMs;
  if (baseline.messages === 0 && silentMs >= MIN_SILENCE_MS) {
    const before = `in the ${durationText(silentMs)} of mail before it appeared`;
    reasons.push({
      code: 'firstSeen',
      weight: REASON_WEIGHTS.firstSeen,
      explanation: `First seen in this period: no mail from it ${before}.`,
    });
    if (period.recipients >= MIN_RECIPIENTS) {
      reasons.push({
        code: 'manyRecipients',
        weight: REASON_WEIGHTS.manyRecipients,
        explanation: `Sent to ${period.recipients} different recipients, against 0 ${before}.`,
      });
    }
  }
  const uses = [...(period.networkUse ?? [])].sort((a, b) => a.firstMs - b.firstMs);
  // A network's messages may include later ones: enough to tell a habit from a single message.
  const earlierThan = (use: NetworkUse) => uses.filter((other) => other.firstMs < use.firstMs);
  const blocksBefore = (use: NetworkUse) =>
    new Set([...baseline.networks, ...earlierThan(use).map((other) => other.network)].map(blockOf));
  const fresh = uses.filter(
    (use) =>
      !blocksBefore(use).has(blockOf(use.network)) &&
      use.firstMs - firstMs >= MIN_BASELINE_MS &&
      baseline.messages + earlierThan(use).reduce((sum, other) => sum + other.messages, 0) >=
        MIN_BASELINE_FOR_NETWORKS
  );
  if (fresh.length > 0) {
    const used = [
      ...new Set([
        ...baseline.networks,
        ...earlierThan(fresh[0]!)
          .sort((a, b) => b.messages - a.messages)
          .map((use) => use.network),
      ]),
    ];
    reasons.push({
      code: 'newSourceNetwork',
      weight: REASON_WEIGHTS.newSourceNetwork,
      explanation: `Sent from ${list(fresh.map((use) => use.network))}, never used by it in the ${durationText(fresh[0]!.firstMs - firstMs)} of its mail before (it used ${list(used)}).`,
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
    ...(stats.internalOnly
      ? []
      : hasEnoughBaseline(context.baselineDays)
        ? againstBaseline(stats, context)
        : againstOwnEarlierMail(stats, context)),
  ]
    .filter((reason): reason is SenderReason => reason !== undefined)
    .sort((a, b) => b.weight - a.weight);
}

export const scoreOf = (reasons: readonly SenderReason[]) =>
  reasons.reduce((sum, reason) => sum + reason.weight, 0);
