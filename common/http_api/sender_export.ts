import { SUSPICIOUS_SENDERS_API_PATH, suspiciousSendersRequestCodec } from './views';

/**
 * CSV export of the suspicious senders' ranking: every page of it, in the asked order and reason
 * filter, at most MAX_SCORED_SENDERS (the senders one ranking scores). The request is the page's
 * own; its pageIndex and pageSize are not used.
 *
 *   POST SENDERS_CSV_API_PATH  SuspiciousSendersRequest → text/csv
 */
export const SENDERS_CSV_API_PATH = `${SUSPICIOUS_SENDERS_API_PATH}/_csv`;

export const senderExportRequestCodec = suspiciousSendersRequestCodec;

/**
 * One row per sender (the address, or the domain when grouped by domain). Lists inside a cell
 * (reasons, source IPs) are `;`-separated; the known_good_* cells are empty unless it is marked.
 */
export const SENDER_EXPORT_COLUMNS = [
  'sender',
  'score',
  'reason_codes',
  'reasons',
  'messages',
  'recipients',
  'undelivered',
  'first_seen',
  'last_seen',
  'source_ips',
  'known_good',
  'known_good_sender',
  'known_good_note',
  'known_good_marked_by',
  'known_good_marked_at',
] as const;
