import { EuiFlexGroup, EuiFlexItem, EuiPanel, EuiStat } from '@elastic/eui';
import type { DeliveryStatusResponse } from '../../../common/http_api/views';
import { statusesOf, type StatusCategory } from '../../../common/message_status';
import { CATEGORY_COLORS } from '../../components/status_badge';
import { formatCount } from '../settings/format';

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 2 : 1)}%`;

interface StatusTotalsProps {
  data: DeliveryStatusResponse;
  /** Opens the messages in one latest status (none: every message) of the same range. */
  onOpen(statuses: string[]): void;
}

/** The statuses each tile's messages are in; the pending tile lists every pending message. */
const TILE_STATUSES: Record<string, Exclude<StatusCategory, 'other'> | undefined> = {
  total: undefined,
  delivered: 'delivered',
  failed: 'failed',
  quarantined: 'quarantined',
  filteredAsSpam: 'filteredAsSpam',
  pendingOverAnHour: 'pending',
};

/** The headline: messages (rows) by latest status, and each as a share of all; a click lists them. */
export function StatusTotals({ data, onOpen }: StatusTotalsProps) {
  const { totals, rates } = data;
  const stats = [
    { id: 'total', title: formatCount(totals.total), description: 'Messages', color: 'default' },
    {
      id: 'delivered',
      title: formatCount(totals.delivered),
      description: `Delivered · ${percent(rates.delivered)}`,
      color: CATEGORY_COLORS.delivered,
    },
    {
      id: 'failed',
      title: formatCount(totals.failed),
      description: `Failed · ${percent(rates.failed)}`,
      color: CATEGORY_COLORS.failed,
    },
    {
      id: 'quarantined',
      title: formatCount(totals.quarantined),
      description: `Quarantined · ${percent(rates.quarantined)}`,
      color: CATEGORY_COLORS.quarantined,
    },
    {
      id: 'filteredAsSpam',
      title: formatCount(totals.filteredAsSpam),
      description: `Filtered as spam · ${percent(rates.filteredAsSpam)}`,
      color: CATEGORY_COLORS.filteredAsSpam,
    },
    {
      id: 'pendingOverAnHour',
      title: formatCount(totals.pendingOverAnHour),
      description: `Pending over an hour · ${percent(rates.pendingOverAnHour)} (${formatCount(
        totals.pending
      )} pending)`,
      color: CATEGORY_COLORS.pending,
    },
  ];
  return (
    <EuiFlexGroup gutterSize="s" wrap data-test-subj="emtStatusTotals">
      {stats.map((stat) => (
        <EuiFlexItem key={stat.id} style={{ minWidth: 150 }}>
          <EuiPanel
            paddingSize="s"
            hasBorder
            onClick={() => {
              const category = TILE_STATUSES[stat.id];
              onOpen(category ? statusesOf(category) : []);
            }}
            aria-label={`Show the messages: ${stat.description}`}
            data-test-subj={`emtTotal-${stat.id}`}
          >
            <EuiStat
              title={stat.title}
              description={stat.description}
              titleSize="s"
              titleColor={stat.color}
              reverse
            />
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
