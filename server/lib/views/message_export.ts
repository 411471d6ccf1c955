import type { Client, estypes } from '@elastic/elasticsearch';
import { csvLine } from '../../../common/csv';
import {
  MESSAGE_EXPORT_COLUMNS,
  type MessageExportRequest,
} from '../../../common/http_api/message_export';
import type { MessageRow } from '../../../common/http_api/views';
import { latestStatusFilter } from './latest_status';
import { messageFieldFilters } from './message_fields';
import { MESSAGE_ROW_SOURCE, messageRowOf, type StoredMessage } from './message_row';
import { FIELDS, scopeFilters, totalHits, type ViewTarget } from './view_scope';
import { searchView } from './view_search';

/** An export reads through a point in time, which the views' searches do not need. */
export type ExportTarget = ViewTarget & {
  client: ViewTarget['client'] & Pick<Client, 'openPointInTime' | 'closePointInTime'>;
};

/** Rows per search: Elasticsearch's default result window, a tenth of it to keep pages light. */
const EXPORT_PAGE_SIZE = 1000;
/** How long the point in time stays open between two pages. */
const KEEP_ALIVE = '1m';

const isoUtc = (date: string) => (date ? new Date(date).toISOString() : '');

/** One row as the CSV holds it, in MESSAGE_EXPORT_COLUMNS' order. */
export function messageCsvLine(row: MessageRow): string {
  const cells: Record<(typeof MESSAGE_EXPORT_COLUMNS)[number], string | number | undefined> = {
    origin_timestamp_utc: isoUtc(row.receivedAt),
    sender_address: row.sender,
    recipient_address: row.recipient,
    recipient_status: row.status,
    message_subject: row.subject,
    total_bytes: row.size,
    message_id: row.messageId,
    network_message_id: row.traceId,
    original_client_ip: row.fromIp,
    destination_ip: row.toIp,
    directionality: row.direction,
    tenant_id: row.tenantId,
    connection_name: row.organizationName,
  };
  return csvLine(MESSAGE_EXPORT_COLUMNS.map((column) => cells[column]));
}

export interface MessageExport {
  /** Rows that match; the export holds at most `maxRows` of them. */
  total: number;
  /** The header line, then one line per row, newest first; closes the point in time when done. */
  lines: AsyncGenerator<string>;
  /** Rows in the lines given so far. */
  written(): number;
}

/**
 * The rows of a messages search in their latest status, as CSV, page by page through a point in
 * time with search_after: each page is one small search, and rows written while the export runs
 * neither shift nor repeat a page. The first page is read before this returns, so the total is
 * known before the first byte is sent.
 */
export async function exportMessages(
  target: ExportTarget,
  request: MessageExportRequest,
  { maxRows }: { maxRows: number }
): Promise<MessageExport> {
  const { filters: fieldFilters, status, narrowed } = messageFieldFilters(request);
  const filters = [...scopeFilters(request), ...fieldFilters];
  const latest = await latestStatusFilter(target, request, { filters, status, narrowed });
  const pit = await target.client.openPointInTime(
    { index: target.index, keep_alive: KEEP_ALIVE, ignore_unavailable: true },
    { signal: target.signal }
  );
  let pitId = pit.id;
  const page = async (searchAfter?: estypes.SortResults, size = EXPORT_PAGE_SIZE) => {
    const response = await searchView<StoredMessage>(target, {
      pit: { id: pitId, keep_alive: KEEP_ALIVE },
      allow_partial_search_results: false,
      size,
      track_total_hits: searchAfter === undefined,
      _source: MESSAGE_ROW_SOURCE,
      // The point in time adds its own tiebreaker (_shard_doc) after these.
      sort: [
        { [FIELDS.timestamp]: { order: 'desc' } },
        { [FIELDS.rowId]: { order: 'asc', missing: '_last', unmapped_type: 'keyword' } },
      ],
      ...(searchAfter ? { search_after: searchAfter } : {}),
      query: {
        bool: { filter: [...filters, ...(status ? [status] : [])], must_not: latest.mustNot },
      },
    });
    pitId = response.pit_id ?? pitId;
    return response;
  };
  const close = () => target.client.closePointInTime({ id: pitId }).catch(() => undefined);
  let first: estypes.SearchResponse<StoredMessage>;
  try {
    first = await page(undefined, Math.min(EXPORT_PAGE_SIZE, maxRows));
  } catch (error) {
    await close();
    throw error;
  }
  let written = 0;
  async function* lines() {
    try {
      yield csvLine(MESSAGE_EXPORT_COLUMNS);
      let hits = first.hits.hits;
      while (hits.length > 0 && written < maxRows) {
        const kept = hits.slice(0, maxRows - written);
        yield kept.map((hit) => messageCsvLine(messageRowOf(hit._source ?? {}))).join('');
        written += kept.length;
        if (written >= maxRows || hits.length < EXPORT_PAGE_SIZE) break;
        const remaining = Math.min(EXPORT_PAGE_SIZE, maxRows - written);
        const next = await page(hits[hits.length - 1]!.sort, remaining);
        hits = next.hits.hits;
      }
    } finally {
      await close();
    }
  }
  return { total: totalHits(first.hits.total), lines: lines(), written: () => written };
}
