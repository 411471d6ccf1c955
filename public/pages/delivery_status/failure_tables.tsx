import {
  EuiBasicTable,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiPanel,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { ReactNode } from 'react';
import type { DeliveryStatusResponse } from '../../../common/http_api/views';
import { formatCount } from '../settings/format';

type Direction = DeliveryStatusResponse['directions'][number];

function Titled({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EuiPanel paddingSize="s" hasBorder>
      <EuiTitle size="xxs">
        <h3>{title}</h3>
      </EuiTitle>
      {children}
    </EuiPanel>
  );
}

const DIRECTION_LABELS: Record<string, string> = {
  inbound: 'Inbound',
  outbound: 'Outbound',
  internal: 'Internal',
  external: 'External (relayed)',
  unknown: 'Unknown (no local domains)',
};

const directionColumns: Array<EuiBasicTableColumn<Direction>> = [
  {
    field: 'direction',
    name: 'Direction',
    render: (direction: string) => DIRECTION_LABELS[direction] ?? direction,
  },
  { field: 'total', name: 'Messages', align: 'right', render: formatCount },
  { field: 'delivered', name: 'Delivered', align: 'right', render: formatCount },
  { field: 'undelivered', name: 'Not delivered', align: 'right', render: formatCount },
];

/** Direction split and the recipients and domains mail most often fails to reach. */
export function FailureTables({
  data,
  onRecipient,
  onDomain,
}: {
  data: DeliveryStatusResponse;
  onRecipient(recipient: string): void;
  onDomain(domain: string): void;
}) {
  const recipientColumns: Array<EuiBasicTableColumn<{ recipient: string; failed: number }>> = [
    {
      field: 'recipient',
      name: 'Recipient',
      truncateText: true,
      render: (recipient: string) => (
        <EuiLink onClick={() => onRecipient(recipient)} data-test-subj="emtFailingRecipient">
          {recipient}
        </EuiLink>
      ),
    },
    { field: 'failed', name: 'Failed', align: 'right', width: '6em', render: formatCount },
  ];
  const domainColumns: Array<EuiBasicTableColumn<{ domain: string; failed: number }>> = [
    {
      field: 'domain',
      name: 'Destination domain',
      truncateText: true,
      render: (domain: string) => (
        <EuiLink onClick={() => onDomain(domain)} data-test-subj="emtFailingDomain">
          {domain}
        </EuiLink>
      ),
    },
    { field: 'failed', name: 'Failed', align: 'right', width: '6em', render: formatCount },
  ];
  return (
    <EuiFlexGroup gutterSize="s" wrap>
      <EuiFlexItem style={{ minWidth: 300 }}>
        <Titled title="By direction">
          <EuiBasicTable
            items={data.directions}
            columns={directionColumns}
            compressed
            data-test-subj="emtDirections"
          />
        </Titled>
      </EuiFlexItem>
      <EuiFlexItem style={{ minWidth: 300 }}>
        <Titled title="Top failing recipients">
          <EuiBasicTable
            items={data.topFailingRecipients}
            columns={recipientColumns}
            compressed
            noItemsMessage="No failed deliveries"
            data-test-subj="emtFailingRecipients"
          />
        </Titled>
      </EuiFlexItem>
      <EuiFlexItem style={{ minWidth: 300 }}>
        <Titled title="Top failing destination domains">
          <EuiBasicTable
            items={data.topFailingDomains}
            columns={domainColumns}
            compressed
            noItemsMessage="No failed deliveries"
            data-test-subj="emtFailingDomains"
          />
        </Titled>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
