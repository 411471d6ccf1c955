import type { QueryParams } from './use_query_params';

/** A table's page and order, as its URL keeps them (`page`, `size`, `sort`, `dir`). */
export interface TablePagingOf<F extends string> {
  pageIndex: number;
  pageSize: number;
  sort: { field: F; direction: 'asc' | 'desc' };
}

export interface TablePagingDefaults<F extends string> {
  fields: readonly F[];
  /** Sorted by this field, descending, unless the URL says otherwise. */
  field: F;
  pageSize: number;
  maxPageSize: number;
}

const wholeNumber = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
};

export function tablePagingOf<F extends string>(
  params: QueryParams,
  defaults: TablePagingDefaults<F>
): TablePagingOf<F> {
  const field = defaults.fields.includes(params.sort as F) ? (params.sort as F) : defaults.field;
  return {
    pageIndex: wholeNumber(params.page, 0),
    pageSize: Math.min(
      Math.max(wholeNumber(params.size, defaults.pageSize), 1),
      defaults.maxPageSize
    ),
    sort: { field, direction: params.dir === 'asc' ? 'asc' : 'desc' },
  };
}

/** The URL parameters of a table's paging; defaults are left out. */
export function tablePagingParams<F extends string>(
  paging: TablePagingOf<F>,
  defaults: Pick<TablePagingDefaults<F>, 'field' | 'pageSize'>
): QueryParams {
  return {
    page: paging.pageIndex > 0 ? String(paging.pageIndex) : undefined,
    size: paging.pageSize !== defaults.pageSize ? String(paging.pageSize) : undefined,
    sort: paging.sort.field !== defaults.field ? paging.sort.field : undefined,
    dir: paging.sort.direction !== 'desc' ? paging.sort.direction : undefined,
  };
}
