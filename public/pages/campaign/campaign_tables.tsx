import {
  EuiBasicTable,
  EuiFlexGroup,
  EuiFlexItem,
  EuiInMemoryTable,
  EuiPanel,
  EuiStat,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type {
  CampaignRecipient,
  CampaignResponse,
  CampaignTenant,
} from '../../../common/http_api/campaign';
import { STATUS_CATEGORIES } from '../../../common/message_status';
import { useFormatDate } from '../../components/app_services';
import { CATEGORY_LABELS, StatusBadge } from '../../components/status_badge';
import { formatCount } from '../settings/format';

/** Rows of the campaign in each status category, and all of them. */
export function CampaignCounts({ data }: { data: CampaignResponse }) {
  return (
    <EuiFlexGroup gutterSize="s" wrap responsive={false} data-test-subj="emtCampaignCounts">
      <EuiFlexItem grow={false}>
        <EuiPanel paddingSize="s" hasBorder>
          <EuiStat
            title={formatCount(data.total)}
            description="Messages"
            titleSize="s"
            data-test-subj="emtCampaignCount-total"
          />
        </EuiPanel>
      </EuiFlexItem>
      {STATUS_CATEGORIES.filter((category) => data.counts[category] > 0).map((category) => (
        <EuiFlexItem grow={false} key={category}>
          <EuiPanel paddingSize="s" hasBorder>
            <EuiStat
              title={formatCount(data.counts[category])}
              description={CATEGORY_LABELS[category]}
              titleSize="s"
              data-test-subj={`emtCampaignCount-${category}`}
            />
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}

/** Which connection a row is of: its name as the campaign's tenants list has it. */
export type ConnectionNames = (connectionId: string | undefined) => string;

export function CampaignTenantsTable({
  tenants,
  nameOf,
}: {
  tenants: CampaignTenant[];
  nameOf: ConnectionNames;
}) {
  const formatDate = useFormatDate();
  const columns: Array<EuiBasicTableColumn<CampaignTenant>> = [
    {
      name: 'Connection',
      render: (tenant: CampaignTenant) => nameOf(tenant.connectionId),
    },
    { field: 'tenantId', name: 'Tenant ID', render: (id?: string) => id ?? '' },
    { field: 'recipients', name: 'Recipients', align: 'right', render: formatCount },
    { field: 'messages', name: 'Messages', align: 'right', render: formatCount },
    {
      name: 'Delivered',
      align: 'right',
      render: (tenant: CampaignTenant) => formatCount(tenant.counts.delivered),
    },
    {
      name: 'Not delivered',
      align: 'right',
      render: ({ counts }: CampaignTenant) =>
        formatCount(counts.failed + counts.quarantined + counts.filteredAsSpam),
    },
    { field: 'firstSeen', name: 'First seen', render: formatDate },
    { field: 'lastSeen', name: 'Last seen', render: formatDate },
  ];
  return (
    <EuiBasicTable
      tableCaption="The campaign per connection"
      items={tenants}
      columns={columns}
      rowProps={(tenant) => ({
        'data-test-subj': `emtCampaignTenant-${tenant.connectionId ?? ''}`,
      })}
      data-test-subj="emtCampaignTenants"
    />
  );
}

export function CampaignRecipientsTable({
  recipients,
  nameOf,
}: {
  recipients: CampaignRecipient[];
  nameOf: ConnectionNames;
}) {
  const formatDate = useFormatDate();
  const columns: Array<EuiBasicTableColumn<CampaignRecipient>> = [
    { field: 'recipient', name: 'Recipient', sortable: true, width: '28%' },
    {
      field: 'connectionId',
      name: 'Connection',
      sortable: true,
      render: (connectionId?: string) => nameOf(connectionId),
    },
    {
      field: 'status',
      name: 'Latest status',
      sortable: true,
      render: (status: string) => <StatusBadge status={status} />,
    },
    { field: 'messages', name: 'Messages', align: 'right', sortable: true },
    { field: 'firstSeen', name: 'First seen', sortable: true, render: formatDate },
    { field: 'lastSeen', name: 'Last seen', sortable: true, render: formatDate },
  ];
  return (
    <EuiInMemoryTable
      tableCaption="Every recipient of the campaign"
      items={recipients}
      columns={columns}
      pagination={{ initialPageSize: 50, pageSizeOptions: [25, 50, 100, 500] }}
      sorting={{ sort: { field: 'lastSeen', direction: 'desc' } }}
      rowProps={(row) => ({
        'data-test-subj': `emtCampaignRecipient-${row.recipient}|${row.connectionId ?? ''}`,
      })}
      data-test-subj="emtCampaignRecipients"
    />
  );
}
