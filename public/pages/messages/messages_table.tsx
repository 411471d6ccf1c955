import {
  EuiBasicTable,
  EuiLink,
  EuiText,
  EuiToolTip,
  type Criteria,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import {
  MAX_RESULT_WINDOW,
  type MessageRow,
  type MessageSortField,
} from '../../../common/http_api/views';
import { AddressText } from '../../components/address_text';
import { IpAddressText } from '../../components/ip_address_text';
import { StatusBadge } from '../../components/status_badge';
import { useFormatDate } from '../../components/app_services';
import { formatCount } from '../settings/format';

export interface MessagesTableSort {
  field: MessageSortField;
  direction: 'asc' | 'desc';
}

export interface MessagesTableProps {
  rows: MessageRow[];
  total: number;
  pageIndex: number;
  pageSize: number;
  sort: MessagesTableSort;
  loading: boolean;
  error?: string;
  onChange(change: { pageIndex: number; pageSize: number; sort: MessagesTableSort }): void;
  onOpen(row: MessageRow): void;
  /** A Reason column: why each row was not delivered, where its event trail is already known. */
  showFailures?: boolean;
  'data-test-subj'?: string;
}

const PAGE_SIZES = [10, 25, 50, 100];

const dash = (value: string | undefined) => value ?? '—';

const address = (value: string | undefined) => (value ? <AddressText address={value} /> : '—');

const ipAddress = (value: string | undefined) => (value ? <IpAddressText ip={value} /> : '—');

const reasonColumn: EuiBasicTableColumn<MessageRow> = {
  field: 'failure',
  name: 'Reason',
  render: (failure: MessageRow['failure']) =>
    failure ? (
      <EuiToolTip content={`Likely fix: ${failure.fix}`}>
        <span data-test-subj="emtFailureReason">{failure.sentence}</span>
      </EuiToolTip>
    ) : (
      '—'
    ),
};

/** Rows (message × recipient) in their latest status; a click opens the message. */
export function MessagesTable(props: MessagesTableProps) {
  const formatDate = useFormatDate();
  const columns: Array<EuiBasicTableColumn<MessageRow>> = [
    {
      field: 'receivedAt',
      name: 'Received',
      sortable: true,
      width: '8.5em',
      render: (receivedAt: string, row: MessageRow) => (
        <EuiLink onClick={() => props.onOpen(row)} data-test-subj="emtMessageOpen">
          {formatDate(receivedAt)}
        </EuiLink>
      ),
    },
    {
      field: 'status',
      name: 'Status',
      sortable: true,
      width: '8.5em',
      render: (status: string) => <StatusBadge status={status} />,
    },
    { field: 'sender', name: 'Sender', sortable: true, width: '11.5em', render: address },
    { field: 'recipient', name: 'Recipient', sortable: true, width: '11.5em', render: address },
    { field: 'subject', name: 'Subject', sortable: true, truncateText: true, render: dash },
    { field: 'direction', name: 'Direction', width: '6em', render: dash },
    { field: 'fromIp', name: 'Source IP', width: '10.5em', render: ipAddress },
    {
      field: 'size',
      name: 'Size',
      sortable: true,
      width: '5.5em',
      align: 'right',
      render: (size: number | undefined) => (size === undefined ? '—' : formatCount(size)),
    },
    ...(props.showFailures ? [reasonColumn] : []),
  ];
  const onChange = ({ page, sort }: Criteria<MessageRow>) => {
    props.onChange({
      pageIndex: page?.index ?? props.pageIndex,
      pageSize: page?.size ?? props.pageSize,
      sort: sort
        ? { field: sort.field as MessageSortField, direction: sort.direction }
        : props.sort,
    });
  };
  const reachable = Math.min(props.total, MAX_RESULT_WINDOW);
  return (
    <>
      <EuiBasicTable<MessageRow>
        items={props.rows}
        itemId="rowId"
        columns={columns}
        loading={props.loading}
        error={props.error}
        noItemsMessage={props.loading ? 'Loading…' : 'No messages match'}
        pagination={{
          pageIndex: props.pageIndex,
          pageSize: props.pageSize,
          totalItemCount: reachable,
          pageSizeOptions: PAGE_SIZES,
        }}
        sorting={{ sort: props.sort }}
        onChange={onChange}
        rowProps={(row) => ({ 'data-test-subj': `emtMessageRow-${row.rowId}` })}
        data-test-subj={props['data-test-subj'] ?? 'emtMessagesTable'}
      />
      {props.total > MAX_RESULT_WINDOW && (
        <EuiText size="xs" color="subdued" data-test-subj="emtMessagesBeyondWindow">
          The first {formatCount(MAX_RESULT_WINDOW)} of {formatCount(props.total)} rows can be paged
          through; narrow the search for the rest.
        </EuiText>
      )}
    </>
  );
}
