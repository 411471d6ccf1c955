import type { estypes } from '@elastic/elasticsearch';
import {
  MAX_CAMPAIGN_RECIPIENTS,
  type CampaignRecipient,
  type CampaignRequest,
  type CampaignResponse,
  type CampaignTenant,
} from '../../../common/http_api/campaign';
import { MAX_CONNECTION_IDS } from '../../../common/http_api/views';
import { aggregate } from './aggregate';
import { categoryCounts, statusTerms } from './delivery_status';
import { latestStatusFilter } from './latest_status';
import { messageFieldFilters } from './message_fields';
import { FIELDS, bucketsOf, scopeFilters, type KeyedBucket, type ViewTarget } from './view_scope';

type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;

interface ValueAggregate {
  value: number | null;
  value_as_string?: string;
}
type CampaignBucket = KeyedBucket & Record<string, unknown>;

const seen: Aggregations = {
  firstSeen: { min: { field: FIELDS.timestamp } },
  lastSeen: { max: { field: FIELDS.timestamp } },
};

const dateOf = (aggregate: unknown) => {
  const { value, value_as_string: text } = aggregate as ValueAggregate;
  return text ?? new Date(value ?? 0).toISOString();
};

/** The newest document of a bucket: its status is the recipient's latest in the campaign. */
const newest: Aggregations = {
  newest: {
    top_hits: {
      size: 1,
      sort: [{ [FIELDS.timestamp]: { order: 'desc' } }],
      _source: [FIELDS.status, FIELDS.organizationName, 'organization.id'],
    },
  },
};

interface NewestSource {
  event?: { action?: string };
  organization?: { name?: string; id?: string };
}

function newestOf(bucket: CampaignBucket): NewestSource {
  const hits = (bucket.newest as { hits?: { hits?: Array<{ _source?: NewestSource }> } }).hits;
  return hits?.hits?.[0]?._source ?? {};
}

/** The connection a bucket is of; rows collected before connections were stored have none. */
const NO_CONNECTION = '';

/**
 * Every recipient of the mail matching the criterion, in every connection of the scope, each row
 * in its latest status (latestStatusFilter): one search for the look-up of the few rows it holds,
 * then one of aggregations per connection and, within each, per recipient.
 */
export async function campaign(
  target: ViewTarget,
  request: CampaignRequest
): Promise<CampaignResponse> {
  const { filters: fieldFilters } = messageFieldFilters(request);
  const filters = [...scopeFilters(request), ...fieldFilters];
  const latest = await latestStatusFilter(target, request, { filters, narrowed: true });
  const byConnection = {
    terms: { field: FIELDS.connectionId, size: MAX_CONNECTION_IDS, missing: NO_CONNECTION },
  };
  const aggregations = await aggregate(
    target,
    { bool: { filter: filters, must_not: latest.mustNot } },
    {
      statuses: statusTerms,
      tenants: {
        ...byConnection,
        aggs: {
          ...seen,
          ...newest,
          statuses: statusTerms,
          recipients: { cardinality: { field: FIELDS.recipient } },
          // Terms under terms rather than multi_terms, which needs the analytics module.
          recipientRows: {
            terms: {
              field: FIELDS.recipient,
              size: MAX_CAMPAIGN_RECIPIENTS,
              order: { lastSeen: 'desc' },
            },
            aggs: { ...seen, ...newest },
          },
        },
      },
    }
  );
  const counts = categoryCounts(bucketsOf(aggregations.statuses));
  const connectionOf = (key: unknown) =>
    key === NO_CONNECTION ? {} : { connectionId: String(key) };
  const tenantBuckets = bucketsOf<CampaignBucket>(aggregations.tenants);
  const tenants: CampaignTenant[] = tenantBuckets.map((bucket) => {
    const { organization } = newestOf(bucket);
    return {
      ...connectionOf(bucket.key),
      ...(organization?.name ? { organizationName: organization.name } : {}),
      ...(organization?.id ? { tenantId: organization.id } : {}),
      recipients: (bucket.recipients as ValueAggregate).value ?? 0,
      messages: bucket.doc_count,
      counts: categoryCounts(bucketsOf(bucket.statuses)),
      firstSeen: dateOf(bucket.firstSeen),
      lastSeen: dateOf(bucket.lastSeen),
    };
  });
  const allRecipients: CampaignRecipient[] = tenantBuckets.flatMap((tenant) =>
    bucketsOf<CampaignBucket>(tenant.recipientRows).map((bucket) => ({
      recipient: String(bucket.key),
      ...connectionOf(tenant.key),
      status: newestOf(bucket).event?.action ?? 'unknown',
      messages: bucket.doc_count,
      firstSeen: dateOf(bucket.firstSeen),
      lastSeen: dateOf(bucket.lastSeen),
    }))
  );
  const cut = tenantBuckets.some(
    (tenant) =>
      ((tenant.recipientRows as estypes.AggregationsStringTermsAggregate).sum_other_doc_count ??
        0) > 0
  );
  const recipients = allRecipients
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
    .slice(0, MAX_CAMPAIGN_RECIPIENTS);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    total,
    counts,
    tenants,
    recipients,
    recipientsTruncated: cut || allRecipients.length > MAX_CAMPAIGN_RECIPIENTS,
    latestStatus: latest.qualityOf(total),
  };
}
