import * as t from 'io-ts';
import { MESSAGES_API_PATH, messageSearchFields, scopeFields } from './views';
import { withValidRange } from './view_codecs';

/**
 * CSV export of message rows (the messages search, Undelivered, a campaign), each row in its latest
 * status, newest first. Streamed from Elasticsearch page by page (a point in time and
 * search_after), never one large search.
 *
 *   POST MESSAGES_CSV_API_PATH  MessageExportRequest → text/csv
 */
export const MESSAGES_CSV_API_PATH = `${MESSAGES_API_PATH}/_csv`;

/**
 * The most rows one export holds: the admin center's enhanced summary report stops at 100,000;
 * half of it keeps an export within a minute on a small cluster. Said in the page and in the
 * response's EXPORT_ROW_CAP_HEADER; EXPORT_TOTAL_HEADER says how many rows matched.
 */
export const MAX_EXPORT_ROWS = 50_000;
export const EXPORT_ROW_CAP_HEADER = 'x-export-row-cap';
export const EXPORT_TOTAL_HEADER = 'x-export-total-rows';

export const messageExportRequestCodec = withValidRange(
  t.intersection([scopeFields, messageSearchFields])
);
export type MessageExportRequest = t.TypeOf<typeof messageExportRequestCodec>;

/**
 * The columns, named as the Exchange admin center's message trace reports name them (the enhanced
 * summary report: origin_timestamp_utc, sender_address, recipient_status, message_subject,
 * total_bytes, message_id, network_message_id, original_client_ip, directionality), one row per
 * recipient as Graph reports them, so recipient_address and recipient_status are apart. The
 * report's connector_id and delivery_priority are left out: Graph's message trace has neither.
 * tenant_id and connection_name say whose mail it is when one export spans several tenants.
 */
export const MESSAGE_EXPORT_COLUMNS = [
  'origin_timestamp_utc',
  'sender_address',
  'recipient_address',
  'recipient_status',
  'message_subject',
  'total_bytes',
  'message_id',
  'network_message_id',
  'original_client_ip',
  'destination_ip',
  'directionality',
  'tenant_id',
  'connection_name',
] as const;
