import {
  EuiBadge,
  EuiBasicTable,
  EuiButtonEmpty,
  EuiLink,
  EuiText,
  EuiToolTip,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { SenderReason, SuspiciousSender } from '../../../common/http_api/views';
import { CampaignLink } from '../campaign/campaign_link';
import { formatCount } from '../settings/format';

export const REASON_LABELS: Record<SenderReason['code'], string> = {
  ownDomainFromOutside: 'Our domain from outside',
  lookalikeDomain: 'Lookalike domain',
  undeliveredRatio: 'Often not delivered',
  newSourceNetwork: 'New source network',
  manyRecipients: 'Many recipients',
  volumeSpike: 'Volume spike',
  firstSeen: 'First seen',
};

const scoreColor = (score: number) => (score >= 60 ? 'danger' : score >= 30 ? 'warning' : 'hollow');

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

export interface SendersTableProps {
  senders: SuspiciousSender[];
  loading: boolean;
  canManage: boolean;
  /** Senders whose known-good mark is being changed. */
  busy: ReadonlySet<string>;
  onOpen(sender: SuspiciousSender): void;
  onToggleKnownGood(sender: SuspiciousSender): void;
}

/** Ranked senders, each with every reason it scored and what that reason saw. */
export function SendersTable(props: SendersTableProps) {
  const columns: Array<EuiBasicTableColumn<SuspiciousSender>> = [
    {
      field: 'score',
      name: 'Score',
      width: '5em',
      render: (score: number) => (
        <EuiBadge color={scoreColor(score)} data-test-subj="emtSenderScore">
          {score}
        </EuiBadge>
      ),
    },
    {
      field: 'sender',
      name: 'Sender',
      width: '16em',
      render: (_: string, sender: SuspiciousSender) => (
        <div>
          <EuiLink onClick={() => props.onOpen(sender)} data-test-subj="emtSenderOpen">
            {sender.sender}
          </EuiLink>{' '}
          <CampaignLink
            criterion={{ by: 'sender', value: sender.sender }}
            data-test-subj={`emtSenderCampaign-${sender.sender}`}
          />
          {sender.knownGood && (
            <EuiBadge color="success" data-test-subj="emtKnownGoodBadge">
              Known-good
            </EuiBadge>
          )}
        </div>
      ),
    },
    {
      name: 'Why',
      render: (sender: SuspiciousSender) => <Reasons sender={sender} />,
    },
    { field: 'messages', name: 'Messages', width: '7em', align: 'right', render: formatCount },
    {
      field: 'recipients',
      name: 'Recipients',
      width: '7.5em',
      align: 'right',
      render: formatCount,
    },
    {
      field: 'undelivered',
      name: 'Not delivered',
      width: '8em',
      align: 'right',
      render: formatCount,
    },
    {
      field: 'sourceIps',
      name: 'Source IPs',
      width: '9em',
      render: (ips: string[]) => (
        <EuiText size="xs">
          {ips.slice(0, 3).join(', ')}
          {ips.length > 3 ? ` +${ips.length - 3}` : ''}
        </EuiText>
      ),
    },
  ];
  if (props.canManage) {
    columns.push({
      name: 'Known-good',
      width: '11em',
      render: (sender: SuspiciousSender) => (
        <EuiButtonEmpty
          size="xs"
          iconType={sender.knownGood ? 'cross' : 'check'}
          isLoading={props.busy.has(sender.sender)}
          onClick={() => props.onToggleKnownGood(sender)}
          data-test-subj={`emtKnownGoodToggle-${sender.sender}`}
        >
          {sender.knownGood ? 'Unmark' : 'Mark known-good'}
        </EuiButtonEmpty>
      ),
    });
  }
  return (
    <EuiBasicTable<SuspiciousSender>
      items={props.senders}
      itemId="sender"
      columns={columns}
      loading={props.loading}
      noItemsMessage={props.loading ? 'Loading…' : 'No suspicious senders in this range'}
      rowProps={(sender) => ({ 'data-test-subj': `emtSenderRow-${sender.sender}` })}
      data-test-subj="emtSendersTable"
    />
  );
}
