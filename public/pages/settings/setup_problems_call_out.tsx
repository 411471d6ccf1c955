import { EuiCallOut, EuiCode, EuiSpacer } from '@elastic/eui';
import { ENCRYPTION_KEY_HOW, ENCRYPTION_KEY_SETTING } from '../../../common/encryption_key';
import type { StatusResponse } from '../../../common/http_api/status';
import type { FetchState } from '../../hooks/use_fetch';

/** What keeps the plugin from working, said where the user would try to fix it. */
export function SetupProblemsCallOut({ state }: { state: FetchState<StatusResponse> }) {
  if (!state.data) return null;
  const { canEncrypt, notReadyReason } = state.data;
  return (
    <>
      {!canEncrypt && (
        <>
          <EuiCallOut
            color="danger"
            iconType="lock"
            title="Connections cannot be saved: Kibana has no encryption key"
            data-test-subj="emtEncryptionKeyMissing"
          >
            <p>
              A connection&apos;s client secret or private key is stored encrypted. Set{' '}
              <EuiCode>{ENCRYPTION_KEY_SETTING}</EuiCode> in kibana.yml ({ENCRYPTION_KEY_HOW}) and
              restart Kibana.
            </p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      {notReadyReason && (
        <>
          <EuiCallOut
            color="warning"
            iconType="warning"
            title="Exchange Message Trace is not ready"
            data-test-subj="emtNotReady"
          >
            <p>{notReadyReason}</p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
    </>
  );
}
