import { EuiCallOut, EuiCode, EuiSpacer } from '@elastic/eui';
import type { PluginStatusState } from '../../hooks/use_plugin_status';

/** What keeps the plugin from working, said where the user would try to fix it. */
export function SetupProblemsCallOut({ state }: { state: PluginStatusState }) {
  if (state.kind !== 'loaded') return null;
  const { canEncrypt, notReadyReason } = state.status;
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
              <EuiCode>xpack.encryptedSavedObjects.encryptionKey</EuiCode> in kibana.yml (32
              characters or more, the same on every Kibana instance) and restart Kibana.
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
