import { EuiConfirmModal, EuiText, useGeneratedHtmlId } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';

interface DeleteConnectionModalProps {
  connection: ConnectionView;
  isDeleting: boolean;
  onCancel(): void;
  onConfirm(): void;
}

export function DeleteConnectionModal({
  connection,
  isDeleting,
  onCancel,
  onConfirm,
}: DeleteConnectionModalProps) {
  const titleId = useGeneratedHtmlId({ prefix: 'emtDeleteTitle' });
  return (
    <EuiConfirmModal
      aria-labelledby={titleId}
      titleProps={{ id: titleId }}
      title={`Delete ${connection.settings.name}?`}
      onCancel={onCancel}
      onConfirm={onConfirm}
      cancelButtonText="Cancel"
      confirmButtonText="Delete connection"
      buttonColor="danger"
      defaultFocusedButton="cancel"
      isLoading={isDeleting}
      data-test-subj="emtDeleteConfirm"
    >
      <EuiText size="s">
        <p>
          Collection for tenant <strong>{connection.settings.tenantId}</strong> stops and its stored
          credentials are deleted. Documents already collected stay in Elasticsearch.
        </p>
      </EuiText>
    </EuiConfirmModal>
  );
}
