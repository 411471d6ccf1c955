import {
  EuiBadge,
  EuiBasicTable,
  EuiButtonEmpty,
  EuiLink,
  EuiText,
  EuiToolTip,
  type Criteria,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type {
  KnownSender,
  SenderSortField,
  SuspiciousSender,
} from '../../../common/http_api/views';
import { HIGH_SCORE, MEDIUM_SCORE, REASON_LABELS } from '../../../common/sender_reasons';
import { AddressText } from '../../components/address_text';
import { IpAddressText } from '../../components/ip_address_text';
import { useFormatDate } from '../../components/app_services';
import type { TablePagingOf } from '../../hooks/table_paging';
import { CampaignLink } from '../campaign/campaign_link';
import { formatCount } from '../settings/format';

export const scoreColor = (score: number) =>
  score >= HIGH_SCORE ? 'danger' : score >= MEDIUM_SCORE ? 'warning' : 'hollow';

function Reasons({ sender }: { sender: SuspiciousSender }) {
  return (
    <div data-test-subj={`emtReasons-${sender.sender}`}>
      {sender.reasons.map((reason) => (
        <EuiText size="xs" key={reason.code} data-test-subj={`emtReason-${reason.code}`}>
          <EuiToolTip content={`Adds ${reason.weight} to the score`}>
            <EuiBadge color="hollow">{REASON_LABELS[reason.code]}</EuiBadge>
          </EuiToolTip>{' '}
          {reason.explanation}
        </EuiText>
      ))}
    </div>
  );
}

/** Who marked it, when, and why: the mark as it was stored. */
export function KnownGoodNote({ mark }: { mark: KnownSender }) {
  const formatDate = useFormatDate();
  return (
    <EuiText size="xs" color="subdued" data-test-subj="emtKnownGoodNote">
      {mark.markedBy ? `Marked by ${mark.markedBy}` : 'Marked'} on {formatDate(mark.markedAt)}
      {mark.note ? `: ${mark.note}` : ''}
    </EuiText>
  );
}

const IPS_SHOWN = 3;

/** Where its mail came from, each address whole on its own line. */
function SourceIps({ ips }: { ips: string[] }) {
  if (ips.length === 0) return null;
  return (
    <EuiText size="xs" color="subdued" data-test-subj="emtSourceIps">
      {ips.slice(0, IPS_SHOWN).map((ip) => (
        <div key={ip}>
          <IpAddressText ip={ip} />
        </div>
      ))}
      {ips.length > IPS_SHOWN ? `and ${ips.length - IPS_SHOWN} more` : ''}
    </EuiText>
  );
}

export type SendersTablePaging = TablePagingOf<SenderSortField>;

export interface SendersTableProps extends SendersTablePaging {
  senders: SuspiciousSender[];
  total: number;
  loading: boolean;
  canManage: boolean;
  /** Senders whose known-good mark is being changed. */
  busy: ReadonlySet<string>;
  onChange(paging: SendersTablePaging): void;
  onOpen(sender: SuspiciousSender): void;
  onToggleKnownGood(sender: SuspiciousSender): void;
}

export const SENDERS_PAGE_SIZES = [10, 25, 50, 100];

/**
 * Ranked senders, each with every reason it scored and what that reason saw. A sortable header
 * holds its name and the sort icon: the widths keep both whole, the reasons take the rest.
 */
export function SendersTable(props: SendersTableProps) {
  const formatDate = useFormatDate();
  const columns: Array<EuiBasicTableColumn<SuspiciousSender>> = [
    {
      field: 'score',
      name: 'Score',
      sortable: true,
      width: '6.5em',
      render: (score: number) => (
        <EuiBadge color={scoreColor(score)} data-test-subj="emtSenderScore">
          {score}
        </EuiBadge>
      ),
    },
    {
      field: 'sender',
      name: 'Sender',
      sortable: true,
      width: '12em',
      render: (_: string, sender: SuspiciousSender) => (
        <div>
          <EuiLink onClick={() => props.onOpen(sender)} data-test-subj="emtSenderOpen">
            <AddressText address={sender.sender} />
          </EuiLink>{' '}
          <CampaignLink
            criterion={{ by: 'sender', value: sender.sender }}
            data-test-subj={`emtSenderCampaign-${sender.sender}`}
          />
          <SourceIps ips={sender.sourceIps} />
          {sender.knownGoodMark && (
            <>
              <EuiBadge color="success" data-test-subj="emtKnownGoodBadge">
                Known-good
              </EuiBadge>
              <KnownGoodNote mark={sender.knownGoodMark} />
            </>
          )}
        </div>
      ),
    },
    {
      name: 'Why',
      render: (sender: SuspiciousSender) => <Reasons sender={sender} />,
    },
    {
      field: 'messages',
      name: 'Messages',
      sortable: true,
      width: '8.5em',
      align: 'right',
      render: formatCount,
    },
    {
      field: 'recipients',
      name: 'Recipients',
      sortable: true,
      width: '9em',
      align: 'right',
      render: formatCount,
    },
    {
      field: 'undelivered',
      name: 'Undelivered',
      sortable: true,
      width: '9.5em',
      align: 'right',
      render: formatCount,
    },
    {
      field: 'lastSeen',
      name: 'Last seen',
      sortable: true,
      width: '8.5em',
      render: (lastSeen: string) => <EuiText size="xs">{formatDate(lastSeen)}</EuiText>,
    },
  ];
  if (props.canManage) {
    columns.push({
      name: 'Known-good',
      width: '9em',
      render: (sender: SuspiciousSender) => (
        <EuiButtonEmpty
          size="xs"
          iconType={sender.knownGood ? 'cross' : 'check'}
          isLoading={props.busy.has(sender.sender)}
          onClick={() => props.onToggleKnownGood(sender)}
          aria-label={`${sender.knownGood ? 'Unmark' : 'Mark'} ${sender.sender} known-good`}
          data-test-subj={`emtKnownGoodToggle-${sender.sender}`}
        >
          {sender.knownGood ? 'Unmark' : 'Mark'}
        </EuiButtonEmpty>
      ),
    });
  }
  const onChange = ({ page, sort }: Criteria<SuspiciousSender>) =>
    props.onChange({
      pageIndex: page?.index ?? props.pageIndex,
      pageSize: page?.size ?? props.pageSize,
      sort: sort ? { field: sort.field as SenderSortField, direction: sort.direction } : props.sort,
    });
  return (
    <EuiBasicTable<SuspiciousSender>
      items={props.senders}
      itemId="sender"
      columns={columns}
      loading={props.loading}
      noItemsMessage={props.loading ? 'Loading…' : 'No suspicious senders in this range'}
      pagination={{
        pageIndex: props.pageIndex,
        pageSize: props.pageSize,
        totalItemCount: props.total,
        pageSizeOptions: SENDERS_PAGE_SIZES,
      }}
      sorting={{ sort: props.sort }}
      onChange={onChange}
      rowProps={(sender) => ({ 'data-test-subj': `emtSenderRow-${sender.sender}` })}
      data-test-subj="emtSendersTable"
    />
  );
}
