import {
  DEFAULT_SENDERS_PAGE_SIZE,
  type SenderSortField,
  type SuspiciousSender,
  type SuspiciousSendersRequest,
} from '../../../common/http_api/views';

type Compare = (a: SuspiciousSender, b: SuspiciousSender) => number;

/** The ranking: score, then mail not delivered, then volume, highest first. */
export const byRank: Compare = (a, b) =>
  b.score - a.score || b.undelivered - a.undelivered || b.messages - a.messages;

const ascending: Record<SenderSortField, Compare> = {
  score: (a, b) => -byRank(a, b),
  sender: (a, b) => a.sender.localeCompare(b.sender),
  messages: (a, b) => a.messages - b.messages,
  recipients: (a, b) => a.recipients - b.recipients,
  undelivered: (a, b) => a.undelivered - b.undelivered,
  lastSeen: (a, b) => a.lastSeen.localeCompare(b.lastSeen),
};

/**
 * One page of the scored senders, with the count over every page: only those with one of the
 * asked reasons, in the asked order (ties in rank order), from `pageIndex × pageSize`.
 */
export function pageOfSenders(
  scored: readonly SuspiciousSender[],
  request: Pick<
    SuspiciousSendersRequest,
    'reasons' | 'sortField' | 'sortDirection' | 'pageIndex' | 'pageSize'
  >
): { senders: SuspiciousSender[]; total: number } {
  const wanted = request.reasons?.length ? new Set(request.reasons) : undefined;
  const filtered = wanted
    ? scored.filter((sender) => sender.reasons.some((reason) => wanted.has(reason.code)))
    : [...scored];
  const compare = ascending[request.sortField ?? 'score'];
  const sign = request.sortDirection === 'asc' ? 1 : -1;
  filtered.sort((a, b) => sign * compare(a, b) || byRank(a, b));
  const size = request.pageSize ?? DEFAULT_SENDERS_PAGE_SIZE;
  const from = (request.pageIndex ?? 0) * size;
  return { senders: filtered.slice(from, from + size), total: filtered.length };
}
