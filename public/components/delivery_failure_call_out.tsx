import { EuiCallOut, EuiCode, EuiText } from '@elastic/eui';
import type { DeliveryFailure } from '../../common/delivery_failure';

/** Why a recipient's message was not delivered: the meaning of its status code and the likely fix. */
export function DeliveryFailureCallOut({
  failure,
  'data-test-subj': testSubj,
}: {
  failure: DeliveryFailure;
  'data-test-subj'?: string;
}) {
  return (
    <EuiCallOut
      size="s"
      color={failure.permanent ? 'danger' : 'warning'}
      iconType={failure.permanent ? 'error' : 'clock'}
      title={failure.sentence}
      data-test-subj={testSubj}
    >
      <EuiText size="xs">
        <p data-test-subj="emtFailureFix">
          <strong>Likely fix:</strong> {failure.fix}
        </p>
        <p>
          Status code {failure.code}: <EuiCode>{failure.response}</EuiCode>
        </p>
      </EuiText>
    </EuiCallOut>
  );
}
