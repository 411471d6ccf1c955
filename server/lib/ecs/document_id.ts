import { createHash } from 'node:crypto';
import { canonicalStatus } from '../../../common/graph/message_trace';

/**
 * The `_id` of one observation: a trace row (trace id + recipient) in one status.
 *
 * Only inputs a file import of the same rows also has: no tenant, connection or read time, so an
 * import of an Exchange export dedups against what the collector already wrote. The trace id is a
 * GUID and addresses are case-insensitive, so both are lower-cased; the status is canonical, so
 * "Delivered" (beta, cmdlets) and "delivered" (v1.0) are the same observation. A status change is a
 * new observation and so a new document. JSON framing keeps the parts from running into each other.
 *
 * sha256, base64url: 43 characters, well under Elasticsearch's 512-byte limit.
 */
/**
 * The Graph row an observation belongs to: trace id and recipient, lower-cased as in the `_id`.
 * Every observation of a row (Pending, then Delivered) shares it, so views can find a row's
 * latest status. The trace id is a GUID, so the first `|` separates the parts.
 */
export function messageTraceRowId(row: { id: string; recipientAddress: string }): string {
  return `${row.id.trim().toLowerCase()}|${row.recipientAddress.trim().toLowerCase()}`;
}

export function messageTraceDocumentId(row: {
  id: string;
  recipientAddress: string;
  status: string;
}): string {
  const key = JSON.stringify([
    row.id.trim().toLowerCase(),
    row.recipientAddress.trim().toLowerCase(),
    canonicalStatus(row.status),
  ]);
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}
