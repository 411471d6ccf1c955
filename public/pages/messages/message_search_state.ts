import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MESSAGE_SORT_FIELDS,
  type MessageSearchFields,
  type MessageSearchRequest,
  type MessageSortField,
  type ViewScope,
} from '../../../common/http_api/views';
import { tablePagingOf, tablePagingParams } from '../../hooks/table_paging';
import { listParam, type QueryParams } from '../../hooks/use_query_params';
import type { MessagesTableSort } from './messages_table';

/** The text fields of the search form, by URL parameter. */
export const SEARCH_TEXT_FIELDS = ['sender', 'recipient', 'subject', 'messageId', 'ip'] as const;
export type SearchTextField = (typeof SEARCH_TEXT_FIELDS)[number];

export interface TablePaging {
  pageIndex: number;
  pageSize: number;
  sort: MessagesTableSort;
}

const MESSAGE_PAGING = {
  fields: MESSAGE_SORT_FIELDS,
  field: 'receivedAt',
  pageSize: DEFAULT_PAGE_SIZE,
  maxPageSize: MAX_PAGE_SIZE,
} as const;

export const pagingOf = (params: QueryParams): TablePaging =>
  tablePagingOf<MessageSortField>(params, MESSAGE_PAGING);

export const pagingParams = (paging: TablePaging): QueryParams =>
  tablePagingParams(paging, MESSAGE_PAGING);

export function searchFieldsOf(params: QueryParams): MessageSearchFields {
  const fields: MessageSearchFields = {};
  for (const name of SEARCH_TEXT_FIELDS) {
    const value = params[name]?.trim();
    if (value) fields[name] = value;
  }
  const statuses = listParam(params.statuses);
  if (statuses.length) fields.statuses = statuses;
  return fields;
}

/** The search fields as URL parameters: an empty field clears its parameter. */
export function searchParams(fields: MessageSearchFields): QueryParams {
  return {
    ...Object.fromEntries(SEARCH_TEXT_FIELDS.map((name) => [name, fields[name]?.trim()])),
    statuses: fields.statuses?.join(','),
  };
}

export function searchRequestOf(
  scope: ViewScope,
  fields: MessageSearchFields,
  paging: TablePaging
): MessageSearchRequest {
  return {
    ...scope,
    ...fields,
    pageIndex: paging.pageIndex,
    pageSize: paging.pageSize,
    sortField: paging.sort.field,
    sortDirection: paging.sort.direction,
  };
}
