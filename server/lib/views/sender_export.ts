import { csvLine } from '../../../common/csv';
import { SENDER_EXPORT_COLUMNS } from '../../../common/http_api/sender_export';
import type { SuspiciousSender } from '../../../common/http_api/views';
import { REASON_LABELS } from '../../../common/sender_reasons';

type Cells = Record<(typeof SENDER_EXPORT_COLUMNS)[number], string | number | undefined>;

/** One sender as the CSV holds it, in SENDER_EXPORT_COLUMNS' order. */
function senderCsvLine(sender: SuspiciousSender): string {
  const mark = sender.knownGoodMark;
  const cells: Cells = {
    sender: sender.sender,
    score: sender.score,
    reason_codes: sender.reasons.map((reason) => reason.code).join(';'),
    reasons: sender.reasons.map((reason) => REASON_LABELS[reason.code]).join(';'),
    messages: sender.messages,
    recipients: sender.recipients,
    undelivered: sender.undelivered,
    first_seen: sender.firstSeen,
    last_seen: sender.lastSeen,
    source_ips: sender.sourceIps.join(';'),
    known_good: String(sender.knownGood),
    known_good_sender: mark?.sender,
    known_good_note: mark?.note,
    known_good_marked_by: mark?.markedBy,
    known_good_marked_at: mark?.markedAt,
  };
  return csvLine(SENDER_EXPORT_COLUMNS.map((column) => cells[column]));
}

/** The header line, then one line per sender in the order given. */
export const sendersCsv = (senders: readonly SuspiciousSender[]): string =>
  csvLine(SENDER_EXPORT_COLUMNS) + senders.map(senderCsvLine).join('');
