import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';
import type { BudgetUsedUpAttributes } from '../../common/http_api/budget_used_up';
import type { BudgetWaitTooLong } from '../lib/budget/request_budget';

/**
 * A Graph request that would go past the budget: 429 with when to try again, in the message, as
 * `attributes.retryAt` for a page to show in the user's own words and time zone, and as
 * Retry-After (an HTTP date, so the answer needs no clock of its own).
 */
export function budgetUsedUpAnswer(
  response: KibanaResponseFactory,
  error: BudgetWaitTooLong
): IKibanaResponse {
  const retryAt = new Date(error.availableAt);
  const attributes: BudgetUsedUpAttributes = { retryAt: retryAt.toISOString() };
  return response.customError({
    statusCode: 429,
    headers: { 'retry-after': retryAt.toUTCString() },
    body: { message: `${error.message}; try again then`, attributes },
  });
}
