import { EuiButton, EuiCallOut, EuiConfirmModal, EuiSpacer } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { needsReauthorization } from '../../components/collection_health';

const connectionsText = (count: number) => (count === 1 ? '1 connection' : `${count} connections`);

/** Whose key a re-authorisation grants; "you" only when the server did not say. */
const grantee = (username: string | undefined) => username ?? 'you';

interface ReauthorizeCallOutProps {
  connections: ConnectionView[];
  username?: string;
  canManage: boolean;
  onReauthorize(connections: ConnectionView[]): void;
}

/** Every connection that cannot write until someone grants it a new API key, said once. */
export function ReauthorizeCallOut({
  connections,
  username,
  canManage,
  onReauthorize,
}: ReauthorizeCallOutProps) {
  const waiting = connections.filter(needsReauthorization);
  if (waiting.length === 0) return null;
  return (
    <>
      <EuiCallOut
        color="warning"
        iconType="warning"
        title={`${connectionsText(waiting.length)} ${waiting.length === 1 ? 'needs' : 'need'} re-authorisation`}
        data-test-subj="emtReauthorizeCallOut"
      >
        <p>
          Elasticsearch refuses the API key that {waiting.map((c) => c.settings.name).join(', ')}{' '}
          {waiting.length === 1 ? 'writes' : 'write'} with, so nothing is collected. A new key,
          granted as the user who re-authorises, mends it; collection resumes where it stopped.
        </p>
        {canManage && (
          <EuiButton
            color="warning"
            size="s"
            iconType="key"
            onClick={() => onReauthorize(waiting)}
            data-test-subj="emtReauthorizeAll"
          >
            Re-authorise as {grantee(username)}
          </EuiButton>
        )}
      </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}

interface ReauthorizeModalProps {
  connections: ConnectionView[];
  username?: string;
  isWorking: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** A key is granted with the clicking user's privileges: they say yes knowing it. */
export function ReauthorizeModal({
  connections,
  username,
  isWorking,
  onCancel,
  onConfirm,
}: ReauthorizeModalProps) {
  const who = grantee(username);
  const what =
    connections.length === 1 ? connections[0]!.settings.name : connectionsText(connections.length);
  return (
    <EuiConfirmModal
      title={`Re-authorise ${what} as ${who}?`}
      onCancel={onCancel}
      onConfirm={onConfirm}
      cancelButtonText="Cancel"
      confirmButtonText={`Grant API ${connections.length === 1 ? 'key' : 'keys'} as ${who}`}
      buttonColor="warning"
      isLoading={isWorking}
      data-test-subj="emtReauthorizeConfirm"
    >
      <p>
        Collection for {connections.map((c) => c.settings.name).join(', ')} will write with a new
        API key granted as {who}, limited by {who}&apos;s privileges. The key it replaces is
        invalidated.
      </p>
    </EuiConfirmModal>
  );
}
