import {
  MAX_PAGE_SIZE,
  SENDER_SORT_FIELDS,
  type SenderSortField,
} from '../../../common/http_api/views';
import { SENDER_REASON_CODES, type SenderReasonCode } from '../../../common/sender_reasons';
import { tablePagingOf, tablePagingParams } from '../../hooks/table_paging';
import { listParam, type QueryParams } from '../../hooks/use_query_params';
import type { SendersTablePaging } from './senders_table';

/** The ranking (score, highest first), 25 a page, unless the URL says otherwise. */
const SENDERS_PAGING = {
  fields: SENDER_SORT_FIELDS,
  field: 'score',
  pageSize: 25,
  maxPageSize: MAX_PAGE_SIZE,
} as const;

export const sendersPagingOf = (params: QueryParams): SendersTablePaging =>
  tablePagingOf<SenderSortField>(params, SENDERS_PAGING);

export const sendersPagingParams = (paging: SendersTablePaging): QueryParams =>
  tablePagingParams(paging, SENDERS_PAGING);

export const reasonsOf = (params: QueryParams): SenderReasonCode[] =>
  listParam(params.reasons).filter((code): code is SenderReasonCode =>
    (SENDER_REASON_CODES as readonly string[]).includes(code)
  );
