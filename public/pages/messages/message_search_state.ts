import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MESSAGE_SORT_FIELDS,
  type MessageSearchFields,
  type MessageSearchRequest,
  type MessageSortField,
  type ViewScope,
} from '../../../common/http_api/views';
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

const wholeNumber = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
};

export function pagingOf(params: QueryParams): TablePaging {
  const field = MESSAGE_SORT_FIELDS.includes(params.sort as MessageSortField)
    ? (params.sort as MessageSortField)
    : 'receivedAt';
  return {
    pageIndex: wholeNumber(params.page, 0),
    pageSize: Math.min(Math.max(wholeNumber(params.size, DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE),
    sort: { field, direction: params.dir === 'asc' ? 'asc' : 'desc' },
  };
}

export function pagingParams(paging: TablePaging): QueryParams {
  return {
    page: paging.pageIndex > 0 ? String(paging.pageIndex) : undefined,
    size: paging.pageSize !== DEFAULT_PAGE_SIZE ? String(paging.pageSize) : undefined,
    sort: paging.sort.field !== 'receivedAt' ? paging.sort.field : undefined,
    dir: paging.sort.direction !== 'desc' ? paging.sort.direction : undefined,
  };
}

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
