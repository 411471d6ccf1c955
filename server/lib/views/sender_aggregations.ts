import type { estypes } from '@elastic/elasticsearch';
import {
  SUPERSEDING_CANDIDATE_STATUSES,
  UNDELIVERED_STATUSES,
} from '../../../common/message_status';
import { FIELDS, bucketsOf, docCountOf, statusFilter, type KeyedBucket } from './view_scope';

type Query = estypes.QueryDslQueryContainer;
type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;

/**
 * Left out of scoring, so each row counts once without the latest-status look-up: a row holds at
 * most one settled status (a recall aside, which follows a delivery and is left out too). Scoring
 * is about what happened to mail, not about mail still in flight.
 */
export const UNSETTLED: Query = statusFilter(SUPERSEDING_CANDIDATE_STATUSES);

/** Mail to us: what a sender did to our users. Our own outgoing mail is not scored. */
export const OUTGOING: Query = { term: { [FIELDS.direction]: 'outbound' } };

/** Bounces and auto-replies (`<>`) are the mail system's own. */
export const NULL_SENDER: Query = { term: { [FIELDS.sender]: '<>' } };

/** More networks than any one sender uses (a bulk mailer's pool included). */
const SENDER_NETWORKS_LISTED = 500;
/** More than the networks our own mail leaves from (Exchange Online's included). */
const OWN_NETWORKS_LISTED = 5000;

/** Source networks (IPv4 /24, IPv6 /48, stored with each document) in scope, `sub` per network. */
export function networkAggregation(
  sub: Aggregations = {},
  size = SENDER_NETWORKS_LISTED
): estypes.AggregationsAggregationContainer {
  return {
    terms: { field: FIELDS.sourceNetwork, size },
    ...(Object.keys(sub).length > 0 ? { aggs: sub } : {}),
  };
}

export type NetworkBucket = KeyedBucket & Record<string, unknown>;

/** The networks of networkAggregation's answer, as CIDR, each with its bucket. */
export function networksOf(aggregate: unknown) {
  return bucketsOf<NetworkBucket>(aggregate).map((bucket) => ({
    network: String(bucket.key),
    bucket,
  }));
}

/**
 * Our own networks: where our domains' outgoing mail comes from, or where several of our senders'
 * mail to colleagues comes from and mostly gets through. A spoof of one colleague from one outside
 * server is neither.
 */
export function ownNetworkAggregation(span: Query): estypes.AggregationsAggregationContainer {
  return {
    filter: {
      bool: { filter: [span, { terms: { [FIELDS.direction]: ['internal', 'outbound'] } }] },
    },
    aggs: {
      networks: networkAggregation(
        {
          senders: { cardinality: { field: FIELDS.sender } },
          outgoing: { filter: OUTGOING },
          undelivered: { filter: statusFilter(UNDELIVERED_STATUSES) },
        },
        OWN_NETWORKS_LISTED
      ),
    },
  };
}

const MIN_SHARED_SENDERS = 2;
const MAX_UNDELIVERED_SHARE = 0.5;

export function ownNetworksOf(aggregate: unknown): string[] {
  return networksOf((aggregate as Record<string, unknown> | undefined)?.networks)
    .filter(({ bucket }) => {
      const senders = (bucket.senders as { value?: number } | undefined)?.value ?? 0;
      const undelivered = docCountOf(bucket.undelivered);
      return (
        docCountOf(bucket.outgoing) > 0 ||
        (senders >= MIN_SHARED_SENDERS && undelivered < MAX_UNDELIVERED_SHARE * bucket.doc_count)
      );
    })
    .map(({ network }) => network);
}

/**
 * Mail between our own domains that came from a network of none of our own senders. Without any
 * network of ours known, nothing can be told to come from outside.
 */
export function fromOutsideQuery(ownNetworks: readonly string[]): Query {
  if (ownNetworks.length === 0) return { match_none: {} };
  return {
    bool: {
      filter: [
        { term: { [FIELDS.direction]: 'internal' } },
        { exists: { field: FIELDS.sourceIp } },
      ],
      must_not: [{ terms: { [FIELDS.sourceIp]: [...ownNetworks] } }],
    },
  };
}
