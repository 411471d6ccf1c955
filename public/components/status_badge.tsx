import { EuiBadge } from '@elastic/eui';
import { statusCategory, type StatusCategory } from '../../common/message_status';

const LABELS: Record<string, string> = {
  delivered: 'Delivered',
  failed: 'Failed',
  quarantined: 'Quarantined',
  filteredAsSpam: 'Filtered as spam',
  pending: 'Pending',
  gettingStatus: 'Getting status',
  expanded: 'Expanded',
  recalled: 'Recalled',
};

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  delivered: 'Delivered',
  failed: 'Failed',
  quarantined: 'Quarantined',
  filteredAsSpam: 'Filtered as spam',
  pending: 'Pending',
  other: 'Other',
};

/** Chart and badge colours per category, from EUI's visualization palette. */
export const CATEGORY_COLORS: Record<StatusCategory, string> = {
  delivered: '#54B399',
  failed: '#E7664C',
  quarantined: '#D6BF57',
  filteredAsSpam: '#DA8B45',
  pending: '#6092C0',
  other: '#AAAAAA',
};

export const statusLabel = (status: string) => LABELS[status] ?? status;

export function StatusBadge({ status }: { status: string }) {
  return (
    <EuiBadge
      color={CATEGORY_COLORS[statusCategory(status)]}
      data-test-subj={`emtStatus-${status}`}
    >
      {statusLabel(status)}
    </EuiBadge>
  );
}
