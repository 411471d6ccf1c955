import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import type { LatestStatusQuality } from '../../common/http_api/views';

/** Said only when it matters: too many rows changed status in the range to count them exactly. */
export function LatestStatusNote({ quality }: { quality: LatestStatusQuality }) {
  if (quality.exact) return null;
  return (
    <>
      <EuiCallOut
        size="s"
        color="warning"
        iconType="warning"
        title="Counts are approximate"
        data-test-subj="emtLatestStatusInexact"
      >
        More messages changed status in this range than are checked at once: the oldest of them are
        counted in their later status. Narrow the time range for exact counts.
      </EuiCallOut>
      <EuiSpacer size="s" />
    </>
  );
}
