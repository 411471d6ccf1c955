import {
  CAMPAIGN_CRITERIA,
  type CampaignCriterion,
  type CampaignRequest,
} from '../../../common/http_api/campaign';
import type { ViewScope } from '../../../common/http_api/views';
import type { QueryParams } from '../../hooks/use_query_params';

export const CRITERION_LABELS: Record<CampaignCriterion, string> = {
  sender: 'Sender',
  subject: 'Subject',
  messageId: 'Message ID',
  ip: 'Source IP or network',
};

export interface CampaignCriterionValue {
  by: CampaignCriterion;
  value: string;
}

/** The criterion in the page's URL (`by`, `value`); sender when `by` names none. */
export function criterionOf(params: QueryParams): CampaignCriterionValue {
  const by = CAMPAIGN_CRITERIA.find((name) => name === params.by) ?? 'sender';
  return { by, value: params.value?.trim() ?? '' };
}

export function campaignRequestOf(
  scope: ViewScope,
  { by, value }: CampaignCriterionValue
): CampaignRequest | undefined {
  return value ? { ...scope, [by]: value } : undefined;
}

/**
 * The campaign page's path for a criterion, over the time range of `search` (another page's query
 * string) but every connection: "who else got this?" is asked across tenants.
 */
export function campaignLocation(search: string, { by, value }: CampaignCriterionValue) {
  const current = new URLSearchParams(search);
  const next = new URLSearchParams();
  for (const key of ['start', 'end']) {
    const kept = current.get(key);
    if (kept) next.set(key, kept);
  }
  next.set('by', by);
  next.set('value', value);
  return { pathname: '/campaign', search: `?${next.toString()}` };
}
