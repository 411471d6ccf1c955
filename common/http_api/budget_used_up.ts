/**
 * The `attributes` of a 429 answered because a Microsoft Graph request would go past the tenant's
 * budget (for a user's request: the on-demand share, or the user's part of it). The message says
 * the same in words; Retry-After carries the time as an HTTP date.
 */
export interface BudgetUsedUpAttributes {
  /** When the request may be made again (ISO 8601). */
  retryAt: string;
}
