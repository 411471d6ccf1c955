/**
 * How the views read a row's statuses (`event.action`, Graph's camelCase). A row (trace id ×
 * recipient) has one document per status it was seen in; the latest is the one of highest rank:
 * the transient statuses give way to any other, and a recall follows a delivery. Final statuses
 * do not change into one another.
 */
export const TRANSIENT_STATUSES = ['gettingStatus', 'pending'] as const;

/** Undelivered for good: the delivery status page lists these with the rows still pending. */
export const UNDELIVERED_STATUSES = ['failed', 'quarantined', 'filteredAsSpam'] as const;

/** What a later observation of the same row may replace: every status but the last one. */
export const SUPERSEDABLE_STATUSES = [...TRANSIENT_STATUSES, 'delivered'] as const;

/** The statuses whose rows may have an earlier observation (a recall follows a delivery). */
export const SUPERSEDING_CANDIDATE_STATUSES = [...TRANSIENT_STATUSES, 'recalled'] as const;

const RANK: Record<string, number> = { gettingStatus: 0, pending: 1, recalled: 3 };
const FINAL_RANK = 2;

export function statusRank(status: string): number {
  return RANK[status] ?? FINAL_RANK;
}

/** The status a row is in now, of the statuses it was seen in. */
export function latestStatus(statuses: readonly string[]): string | undefined {
  return statuses.reduce<string | undefined>(
    (latest, status) =>
      latest === undefined || statusRank(status) > statusRank(latest) ? status : latest,
    undefined
  );
}

/** The categories the delivery status page counts; every status falls in exactly one. */
export const STATUS_CATEGORIES = [
  'delivered',
  'failed',
  'quarantined',
  'filteredAsSpam',
  'pending',
  'other',
] as const;

export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export function statusCategory(status: string): StatusCategory {
  if ((TRANSIENT_STATUSES as readonly string[]).includes(status)) return 'pending';
  if ((STATUS_CATEGORIES as readonly string[]).includes(status)) return status as StatusCategory;
  return 'other';
}

/** The statuses that make up a category; `other` is everything not named by the rest. */
export function statusesOf(category: Exclude<StatusCategory, 'other'>): string[] {
  return category === 'pending' ? [...TRANSIENT_STATUSES] : [category];
}
