import { EuiCallOut, EuiText } from '@elastic/eui';
import { durationText } from '../../../common/duration_text';
import type { SuspiciousSendersResponse } from '../../../common/http_api/views';
import { DAY_MS } from '../../../common/time';
import { useFormatDate } from '../../components/app_services';

/** How much mail before the period each sender is compared with, and what that means. */
export function BaselineNote({ baseline }: { baseline: SuspiciousSendersResponse['baseline'] }) {
  const span = durationText(baseline.days * DAY_MS);
  const formatDate = useFormatDate();
  const range = `${formatDate(baseline.start)} to ${formatDate(baseline.end)}`;
  if (baseline.enough) {
    return (
      <EuiText size="xs" color="subdued" data-test-subj="emtBaselineSpan">
        Compared with {span} of mail before this period ({range}).
      </EuiText>
    );
  }
  return (
    <EuiCallOut
      size="s"
      iconType="info"
      title={
        baseline.hasData
          ? `No baseline yet: only ${span} of mail before this period`
          : 'No baseline yet: no mail before this period'
      }
      data-test-subj="emtNoBaseline"
    >
      Volume spikes need at least a day of mail from {range} to compare with. Until then, senders
      are judged by their own earlier mail in this period: first seen after three days or more of
      mail without them, or a network first used a day or more after their first mail.
    </EuiCallOut>
  );
}
