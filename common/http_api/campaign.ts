import * as t from 'io-ts';
import type { CategoryCounts, LatestStatusQuality } from './views';
import { VIEWS_API_PATH, scopeFields } from './views';
import { ipOrNetworkCodec, searchText, withFieldCheck, withValidRange } from './view_codecs';

/**
 * "Who else got this?": every recipient of the mail that shares a sender, subject, message ID or
 * source IP, across all connections (tenants) the user can read, each in its latest status.
 *
 *   POST CAMPAIGN_API_PATH  CampaignRequest → CampaignResponse
 */
export const CAMPAIGN_API_PATH = `${VIEWS_API_PATH}/campaign`;

/** Recipients listed at most; the counts cover them all. */
export const MAX_CAMPAIGN_RECIPIENTS = 1000;

export const CAMPAIGN_CRITERIA = ['sender', 'subject', 'messageId', 'ip'] as const;
export type CampaignCriterion = (typeof CAMPAIGN_CRITERIA)[number];

const criteriaFields = t.partial({
  sender: searchText(320),
  subject: searchText(500),
  messageId: searchText(1000),
  ip: ipOrNetworkCodec,
});

export const campaignRequestCodec = withFieldCheck(
  withValidRange(t.intersection([scopeFields, criteriaFields])),
  (request) =>
    CAMPAIGN_CRITERIA.some((name) => request[name])
      ? undefined
      : {
          key: 'sender',
          value: undefined,
          message: 'a campaign needs a sender, subject, message ID or source IP',
        }
);
export type CampaignRequest = t.TypeOf<typeof campaignRequestCodec>;

export interface CampaignRecipient {
  recipient: string;
  connectionId?: string;
  /** The latest status of the recipient's newest message of the campaign. */
  status: string;
  messages: number;
  firstSeen: string;
  lastSeen: string;
}

export interface CampaignTenant {
  connectionId?: string;
  /** The connection's name, as stored with its documents. */
  organizationName?: string;
  tenantId?: string;
  recipients: number;
  messages: number;
  counts: CategoryCounts;
  firstSeen: string;
  lastSeen: string;
}

export interface CampaignResponse {
  /** Rows (trace id × recipient), each in its latest status. */
  total: number;
  counts: CategoryCounts;
  tenants: CampaignTenant[];
  recipients: CampaignRecipient[];
  /** More recipients than MAX_CAMPAIGN_RECIPIENTS: the list holds the most recent. */
  recipientsTruncated: boolean;
  latestStatus: LatestStatusQuality;
}
