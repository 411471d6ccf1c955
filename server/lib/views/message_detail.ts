import type {
  MessageDetail,
  MessageDetailRequest,
  MessageRecipient,
  MessageTrailRequest,
} from '../../../common/http_api/views';
import { latestStatus, statusRank } from '../../../common/message_status';
import { MESSAGE_ROW_SOURCE, messageRowOf, type StoredMessage } from './message_row';
import { FIELDS, TOLERANT, sourceFilters, type ViewTarget } from './view_scope';
import { searchView } from './view_search';

/** Observations read for one message: recipients × statuses (a list expanded to many). */
export const MAX_MESSAGE_OBSERVATIONS = 5000;
/** More statuses than one row can go through. */
const STATUSES_PER_ROW = 8;

/** Every recipient of one message (trace id) and every status each was seen in. */
export async function messageDetail(
  target: ViewTarget,
  request: MessageDetailRequest
): Promise<MessageDetail | undefined> {
  const response = await searchView<StoredMessage>(target, {
    index: target.index,
    ...TOLERANT,
    size: MAX_MESSAGE_OBSERVATIONS,
    _source: request.withDocuments ? true : MESSAGE_ROW_SOURCE,
    query: {
      bool: {
        filter: [
          { term: { [FIELDS.traceId]: { value: request.traceId.trim(), case_insensitive: true } } },
          ...sourceFilters(request),
        ],
      },
    },
  });
  // Ordered here rather than by Elasticsearch: with no time filter every data stream of the dataset
  // is searched, and a sort fails the whole search on one where the row id is not a keyword (a
  // data stream Fleet's template mapped), now that partial results are refused.
  const rows = response.hits.hits.map((hit) => messageRowOf(hit._source ?? {})).sort(byRowId);
  const [first] = rows;
  if (!first) return undefined;
  const byRecipient = new Map<string, MessageRecipient>();
  for (const row of rows) {
    const recipient = row.recipient ?? '';
    const entry = byRecipient.get(recipient) ?? {
      recipient,
      status: row.status,
      statuses: [],
      ...(row.toIp ? { toIp: row.toIp } : {}),
      ...(row.direction ? { direction: row.direction } : {}),
    };
    if (!entry.statuses.includes(row.status)) entry.statuses.push(row.status);
    byRecipient.set(recipient, entry);
  }
  const recipients = [...byRecipient.values()].map((entry) => {
    const statuses = [...entry.statuses].sort((a, b) => statusRank(a) - statusRank(b));
    return { ...entry, statuses, status: latestStatus(statuses) ?? entry.status };
  });
  return {
    traceId: first.traceId,
    receivedAt: first.receivedAt,
    ...(first.messageId ? { messageId: first.messageId } : {}),
    ...(first.sender ? { sender: first.sender } : {}),
    ...(first.subject ? { subject: first.subject } : {}),
    ...(first.size !== undefined ? { size: first.size } : {}),
    ...(first.fromIp ? { fromIp: first.fromIp } : {}),
    ...(first.fromNetwork ? { fromNetwork: first.fromNetwork } : {}),
    ...(first.connectionId ? { connectionId: first.connectionId } : {}),
    ...(first.namespace ? { namespace: first.namespace } : {}),
    ...(first.organizationName ? { organizationName: first.organizationName } : {}),
    ...(first.tenantId ? { tenantId: first.tenantId } : {}),
    recipients: recipients.sort((a, b) => a.recipient.localeCompare(b.recipient)),
    ...(request.withDocuments
      ? {
          documents: response.hits.hits.map(({ _index, _id, _source }) => ({
            _index,
            _id,
            _source,
          })),
        }
      : {}),
  };
}

/** Rows with a row id first, in its order (the order the detail always had). */
function byRowId(a: { rowId: string }, b: { rowId: string }): number {
  if (!a.rowId || !b.rowId) return Number(!a.rowId) - Number(!b.rowId);
  return a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0;
}

/** One row as the user may see it: its connection and latest status, or undefined. */
export async function visibleRow(
  target: ViewTarget,
  { traceId, recipient, connectionId }: MessageTrailRequest
): Promise<{ connectionId?: string; status: string } | undefined> {
  const response = await searchView<StoredMessage>(target, {
    index: target.index,
    ...TOLERANT,
    size: STATUSES_PER_ROW,
    _source: ['event.action', 'exchange_message_trace'],
    query: {
      bool: {
        filter: [
          { term: { [FIELDS.traceId]: { value: traceId.trim(), case_insensitive: true } } },
          { term: { [FIELDS.recipient]: { value: recipient.trim(), case_insensitive: true } } },
          ...sourceFilters({ connectionIds: connectionId ? [connectionId] : undefined }),
        ],
      },
    },
  });
  const rows = response.hits.hits.map((hit) => messageRowOf(hit._source ?? {}));
  const status = latestStatus(rows.map((row) => row.status));
  if (!status) return undefined;
  const collectedBy = rows.find((row) => row.connectionId)?.connectionId;
  return { status, ...(collectedBy ? { connectionId: collectedBy } : {}) };
}
