import { EuiFlexGroup, EuiFlexItem, EuiPanel, EuiStat } from '@elastic/eui';
import type { DeliveryStatusResponse } from '../../../common/http_api/views';
import { CATEGORY_COLORS } from '../../components/status_badge';
import { formatCount } from '../settings/format';

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 2 : 1)}%`;

/** The headline: messages (rows) by latest status, and each as a share of all. */
export function StatusTotals({ data }: { data: DeliveryStatusResponse }) {
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
          <EuiPanel paddingSize="s" hasBorder data-test-subj={`emtTotal-${stat.id}`}>
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
