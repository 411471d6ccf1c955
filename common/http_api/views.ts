import * as t from 'io-ts';
import { INTERNAL_API_BASE } from '../constants';
import { boundedList, plainText } from '../bounded_codecs';
import { connectionIdCodec, namespaceCodec } from '../connection';
import type { DeliveryFailure } from '../delivery_failure';
import type { StatusCategory } from '../message_status';
import { SENDER_REASON_CODES, type SenderReasonCode } from '../sender_reasons';
import {
  ipOrNetworkCodec,
  isoDate,
  knownSenderCodec,
  searchText,
  wholeNumber,
  withinResultWindow,
  withValidRange,
} from './view_codecs';

/**
 * The views' API: what the delivery status, suspicious senders and messages pages ask for. Every
 * route reads the data streams with the caller's own privileges; counts are rows (trace id ×
 * recipient) in their latest status.
 *
 *   POST DELIVERY_STATUS_API_PATH     DeliveryStatusRequest → DeliveryStatusResponse
 *   POST SUSPICIOUS_SENDERS_API_PATH  SuspiciousSendersRequest → SuspiciousSendersResponse
 *   POST MESSAGES_API_PATH            MessageSearchRequest → MessageSearchResponse
 *   POST MESSAGE_DETAIL_API_PATH      MessageDetailRequest → MessageDetail
 *   POST MESSAGE_TRAIL_API_PATH       MessageTrailRequest → MessageTrail (Graph, within the budget)
 *   GET  KNOWN_SENDERS_API_PATH       → ListKnownSendersResponse
 *   POST KNOWN_SENDERS_API_PATH       MarkKnownSenderRequest → KnownSender (manage)
 *   DELETE knownSenderPath(sender)    → 204 (manage)
 */
export const VIEWS_API_PATH = `${INTERNAL_API_BASE}/views`;
export const DELIVERY_STATUS_API_PATH = `${VIEWS_API_PATH}/delivery_status`;
export const SUSPICIOUS_SENDERS_API_PATH = `${VIEWS_API_PATH}/suspicious_senders`;
export const MESSAGES_API_PATH = `${VIEWS_API_PATH}/messages`;
export const MESSAGE_DETAIL_API_PATH = `${MESSAGES_API_PATH}/_detail`;
export const MESSAGE_TRAIL_API_PATH = `${MESSAGES_API_PATH}/_trail`;
export const KNOWN_SENDERS_API_PATH = `${VIEWS_API_PATH}/known_senders`;

export const knownSenderPath = (sender: string) =>
  `${KNOWN_SENDERS_API_PATH}/${encodeURIComponent(sender)}`;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
/** Elasticsearch's default index.max_result_window: from + size never goes past it. */
export const MAX_RESULT_WINDOW = 10_000;
/**
 * Namespaces name data streams in the search's request line, which Elasticsearch limits to 4 KB:
 * twenty of the longest (100 characters) fit beside the default dataset's name.
 */
export const MAX_NAMESPACES = 20;
export const MAX_CONNECTION_IDS = 100;
const MAX_STATUSES = 20;

const keysCodec = <K extends string>(keys: readonly K[]) =>
  t.keyof(Object.fromEntries(keys.map((key) => [key, null])) as Record<K, null>);

const directionCodec = t.keyof({ inbound: null, outbound: null, internal: null, external: null });
export type MailDirectionFilter = t.TypeOf<typeof directionCodec>;
const directionsCodec = boundedList(directionCodec, 4, 'directions');

export const connectionIdsCodec = boundedList(
  connectionIdCodec,
  MAX_CONNECTION_IDS,
  'connection IDs'
);
export const namespacesCodec = boundedList(namespaceCodec, MAX_NAMESPACES, 'namespaces');

/** Which documents a view reads: a time range and, optionally, some connections or namespaces. */
export const scopeFields = t.intersection([
  t.type({ start: isoDate, end: isoDate }),
  t.partial({ connectionIds: connectionIdsCodec, namespaces: namespacesCodec }),
]);

export const viewScopeCodec = withValidRange(scopeFields);
export type ViewScope = t.TypeOf<typeof scopeFields>;

export const deliveryStatusRequestCodec = withValidRange(
  t.intersection([scopeFields, t.partial({ direction: directionsCodec })])
);
export type DeliveryStatusRequest = t.TypeOf<typeof deliveryStatusRequestCodec>;

export const MESSAGE_SORT_FIELDS = [
  'receivedAt',
  'sender',
  'recipient',
  'subject',
  'status',
  'size',
] as const;
export type MessageSortField = (typeof MESSAGE_SORT_FIELDS)[number];

/** What the messages page searches by; text fields match exactly, case-insensitively, `*` as a wildcard. */
export const messageSearchFields = t.partial({
  sender: searchText(320),
  recipient: searchText(320),
  subject: searchText(500),
  messageId: searchText(1000),
  traceId: searchText(100),
  ip: ipOrNetworkCodec,
  statuses: boundedList(plainText(50), MAX_STATUSES, 'statuses'),
  direction: directionsCodec,
});
export type MessageSearchFields = t.TypeOf<typeof messageSearchFields>;

export const messageSearchRequestCodec = withinResultWindow(
  withValidRange(
    t.intersection([
      scopeFields,
      messageSearchFields,
      t.partial({
        pageIndex: wholeNumber(0, MAX_RESULT_WINDOW),
        pageSize: wholeNumber(1, MAX_PAGE_SIZE),
        sortField: keysCodec(MESSAGE_SORT_FIELDS),
        sortDirection: t.keyof({ asc: null, desc: null }),
      }),
    ])
  ),
  MAX_RESULT_WINDOW,
  DEFAULT_PAGE_SIZE
);
export type MessageSearchRequest = t.TypeOf<typeof messageSearchRequestCodec>;

export const SENDER_SORT_FIELDS = [
  'score',
  'sender',
  'messages',
  'recipients',
  'undelivered',
  'lastSeen',
] as const;
export type SenderSortField = (typeof SENDER_SORT_FIELDS)[number];

/** Senders scored at most: the pages of a ranking reach this far. */
export const MAX_SCORED_SENDERS = 1000;
export const DEFAULT_SENDERS_PAGE_SIZE = 50;

export const suspiciousSendersRequestCodec = withinResultWindow(
  withValidRange(
    t.intersection([
      scopeFields,
      t.partial({
        groupBy: t.keyof({ sender: null, domain: null }),
        /** Days before `start` that are each sender's baseline (default 7). */
        baselineDays: wholeNumber(1, 60),
        /** Known-good senders are left out unless asked for; they come back marked. */
        includeKnownGood: t.boolean,
        /** Only senders with at least one of these reasons. */
        reasons: boundedList(keysCodec(SENDER_REASON_CODES), SENDER_REASON_CODES.length, 'reasons'),
        /** Score, highest first, unless asked otherwise; ties by undelivered, then messages. */
        sortField: keysCodec(SENDER_SORT_FIELDS),
        sortDirection: t.keyof({ asc: null, desc: null }),
        pageIndex: wholeNumber(0, MAX_SCORED_SENDERS),
        pageSize: wholeNumber(1, MAX_PAGE_SIZE),
      }),
    ])
  ),
  MAX_SCORED_SENDERS,
  DEFAULT_SENDERS_PAGE_SIZE
);
export type SuspiciousSendersRequest = t.TypeOf<typeof suspiciousSendersRequestCodec>;

export const messageDetailRequestCodec = t.intersection([
  t.type({ traceId: plainText(100) }),
  t.partial({
    connectionIds: connectionIdsCodec,
    namespaces: namespacesCodec,
    /** The stored documents too (the flyout's JSON tab). */
    withDocuments: t.boolean,
  }),
]);
export type MessageDetailRequest = t.TypeOf<typeof messageDetailRequestCodec>;

/** `connectionId`: the connection whose row it is, when the same tenant is collected twice. */
export const messageTrailRequestCodec = t.intersection([
  t.type({ traceId: plainText(100), recipient: plainText(320) }),
  t.partial({ connectionId: connectionIdCodec }),
]);
export type MessageTrailRequest = t.TypeOf<typeof messageTrailRequestCodec>;

export const MAX_KNOWN_SENDER_NOTE = 500;

const knownSenderNoteText = plainText(MAX_KNOWN_SENDER_NOTE, 'Note');

/**
 * Why the sender is known-good, which every mark must say: stored trimmed. Missing, blank or not
 * text, the 400 says what it must be (a bare string codec would answer "expected Note").
 */
export const knownSenderNoteCodec = new t.Type<string, string, unknown>(
  'Note',
  (u): u is string => knownSenderNoteText.is(u),
  (u, c) =>
    knownSenderNoteText.is(u)
      ? t.success(u.trim())
      : t.failure(
          u,
          c,
          `must say why the sender is known-good: 1 to ${MAX_KNOWN_SENDER_NOTE} characters, without control characters`
        ),
  t.identity
);

/** The note says why; who marked it and when come from the request, never from its body. */
export const markKnownSenderRequestCodec = t.type({
  sender: knownSenderCodec,
  note: knownSenderNoteCodec,
});
export type MarkKnownSenderRequest = t.TypeOf<typeof markKnownSenderRequestCodec>;
export const knownSenderParamsCodec = t.type({ sender: knownSenderCodec });

/** Whether every row was counted once in its latest status (see LATEST_STATUS_ROW_LIMIT). */
export interface LatestStatusQuality {
  exact: boolean;
  /** Rows seen in more than one status in the range (they count once). */
  rowsWithStatusChanges: number;
}

export type CategoryCounts = Record<StatusCategory, number>;

export interface StatusTotals extends CategoryCounts {
  total: number;
  /** Still gettingStatus or pending, received more than an hour ago. */
  pendingOverAnHour: number;
}

export interface DeliveryStatusResponse {
  totals: StatusTotals;
  /** Shares of the total, 0 to 1. */
  rates: Record<
    'delivered' | 'failed' | 'quarantined' | 'filteredAsSpam' | 'pendingOverAnHour',
    number
  >;
  histogram: { intervalMs: number; buckets: Array<{ start: string; counts: CategoryCounts }> };
  directions: Array<{ direction: string; total: number; delivered: number; undelivered: number }>;
  topFailingRecipients: Array<{ recipient: string; failed: number }>;
  topFailingDomains: Array<{ domain: string; failed: number }>;
  latestStatus: LatestStatusQuality;
}

export interface MessageRow {
  rowId: string;
  traceId: string;
  messageId?: string;
  receivedAt: string;
  sender?: string;
  recipient?: string;
  subject?: string;
  status: string;
  direction?: string;
  fromIp?: string;
  /** The source IP's network (IPv4 /24, IPv6 /48), as the collector stored it. */
  fromNetwork?: string;
  toIp?: string;
  size?: number;
  connectionId?: string;
  namespace?: string;
  organizationName?: string;
  /** The Microsoft 365 tenant (organization.id) whose trace it is. */
  tenantId?: string;
  /** Why it was not delivered, when its event trail is already known (cached): never fetched for the row. */
  failure?: DeliveryFailure;
}

export interface MessageSearchResponse {
  /** The data streams searched (`logs-<dataset>-*`), for a Discover link to the same query. */
  index: string;
  total: number;
  rows: MessageRow[];
  latestStatus: LatestStatusQuality;
}

export interface MessageRecipient {
  recipient: string;
  /** The latest status. */
  status: string;
  /** Every status the row was seen in, earliest first. */
  statuses: string[];
  toIp?: string;
  direction?: string;
}

export interface MessageDetail {
  traceId: string;
  messageId?: string;
  receivedAt: string;
  sender?: string;
  subject?: string;
  size?: number;
  fromIp?: string;
  fromNetwork?: string;
  connectionId?: string;
  namespace?: string;
  organizationName?: string;
  /** The Microsoft 365 tenant (organization.id) whose trace it is. */
  tenantId?: string;
  recipients: MessageRecipient[];
  /** Every stored document of the message, as Elasticsearch holds it (when asked for). */
  documents?: Array<Record<string, unknown>>;
}

export interface TrailEvent {
  dateTime: string;
  event: string;
  action?: string;
  description?: string;
  data?: string;
}

export interface MessageTrail {
  events: TrailEvent[];
  /** Why the trail ends undelivered, from its last Fail or Defer event's status code. */
  failure?: DeliveryFailure;
  fetchedAt: string;
  /** Served from the server's cache, without a Graph request. */
  cached: boolean;
}

export type { SenderReasonCode };

export interface SenderReason {
  code: SenderReasonCode;
  weight: number;
  explanation: string;
}

export interface SuspiciousSender {
  /** The address, or the domain when grouped by domain. */
  sender: string;
  domain?: string;
  score: number;
  reasons: SenderReason[];
  messages: number;
  recipients: number;
  undelivered: number;
  sourceIps: string[];
  firstSeen: string;
  lastSeen: string;
  knownGood: boolean;
  /** The mark that makes it known-good: its own, or its domain's. */
  knownGoodMark?: KnownSender;
}

export interface SuspiciousSendersResponse {
  /** One page of the ranking, filtered and sorted as asked. */
  senders: SuspiciousSender[];
  /** Senders in the filtered ranking, over every page. */
  total: number;
  /**
   * The span before the period each sender is compared with. `days`: how much of it holds data;
   * `enough`: whether that is enough to compare with (else senders are judged by their own mail).
   */
  baseline: { start: string; end: string; hasData: boolean; days: number; enough: boolean };
  /** Known-good senders that would have been listed; 0 when they are included. */
  knownGoodHidden: number;
  localDomains: string[];
}

export interface KnownSender {
  sender: string;
  note?: string;
  markedBy?: string;
  markedAt: string;
}

export interface ListKnownSendersResponse {
  knownSenders: KnownSender[];
}
