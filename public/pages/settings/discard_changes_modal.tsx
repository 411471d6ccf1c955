import { EuiConfirmModal, EuiText, useGeneratedHtmlId } from '@elastic/eui';

interface DiscardChangesModalProps {
  /** Editing a saved connection (its saved settings stay), or creating one (nothing is kept). */
  editing: boolean;
  onKeepEditing(): void;
  onDiscard(): void;
}

/** Asked when a filled connection form is cancelled: what was typed is lost. */
export function DiscardChangesModal({
  editing,
  onKeepEditing,
  onDiscard,
}: DiscardChangesModalProps) {
  const titleId = useGeneratedHtmlId({ prefix: 'emtDiscardTitle' });
  return (
    <EuiConfirmModal
      aria-labelledby={titleId}
      titleProps={{ id: titleId }}
      title="Discard your changes?"
      onCancel={onKeepEditing}
      onConfirm={onDiscard}
      cancelButtonText="Keep editing"
      confirmButtonText="Discard changes"
      buttonColor="danger"
      defaultFocusedButton="cancel"
      data-test-subj="emtDiscardConfirm"
    >
      <EuiText size="s">
        <p>
          {editing
            ? 'What you changed is not saved; the connection keeps its saved settings.'
            : 'The connection is not created and what you typed is lost.'}
        </p>
      </EuiText>
    </EuiConfirmModal>
  );
}
