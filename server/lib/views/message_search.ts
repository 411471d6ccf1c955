import type { estypes } from '@elastic/elasticsearch';
import {
  DEFAULT_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  type MessageSearchRequest,
  type MessageSearchResponse,
  type MessageSortField,
} from '../../../common/http_api/views';
import { latestStatusFilter } from './latest_status';
import { messageFieldFilters } from './message_fields';
import { MESSAGE_ROW_SOURCE, messageRowOf, type StoredMessage } from './message_row';
import { FIELDS, TOLERANT, scopeFilters, totalHits, type ViewTarget } from './view_scope';
import { searchView } from './view_search';

const SORT_FIELDS: Record<MessageSortField, string> = {
  receivedAt: FIELDS.timestamp,
  sender: FIELDS.sender,
  recipient: FIELDS.recipient,
  subject: FIELDS.subject,
  status: FIELDS.status,
  size: FIELDS.size,
};

function sortOf(request: MessageSearchRequest): estypes.SortCombinations[] {
  const field = SORT_FIELDS[request.sortField ?? 'receivedAt'];
  const order = request.sortDirection ?? 'desc';
  // Ties (many rows of one sender) keep a stable order across pages.
  return [
    { [field]: { order, missing: '_last' } },
    ...(field === FIELDS.timestamp ? [] : [{ [FIELDS.timestamp]: { order: 'desc' as const } }]),
    { [FIELDS.rowId]: { order: 'asc', missing: '_last', unmapped_type: 'keyword' } },
  ];
}

/** A page of rows (trace id × recipient) in their latest status, with the exact total. */
export async function searchMessages(
  target: ViewTarget,
  request: MessageSearchRequest
): Promise<MessageSearchResponse> {
  const { filters: fieldFilters, status, narrowed } = messageFieldFilters(request);
  const filters = [...scopeFilters(request), ...fieldFilters];
  const latest = await latestStatusFilter(target, request, { filters, status, narrowed });
  const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const from = (request.pageIndex ?? 0) * size;
  if (from >= MAX_RESULT_WINDOW) {
    throw new RangeError(
      `pageIndex: only the first ${MAX_RESULT_WINDOW} rows can be paged through`
    );
  }
  const response = await searchView<StoredMessage>(target, {
    index: target.index,
    ...TOLERANT,
    from,
    size: Math.min(size, MAX_RESULT_WINDOW - from),
    track_total_hits: true,
    _source: MESSAGE_ROW_SOURCE,
    sort: sortOf(request),
    query: {
      bool: { filter: [...filters, ...(status ? [status] : [])], must_not: latest.mustNot },
    },
  });
  const total = totalHits(response.hits.total);
  return {
    index: target.index,
    total,
    rows: response.hits.hits.map((hit) => messageRowOf(hit._source ?? {})),
    latestStatus: latest.qualityOf(total),
  };
}
