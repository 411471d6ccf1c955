import { EuiConfirmModal, EuiText, useGeneratedHtmlId } from '@elastic/eui';

interface RemoveKnownSenderModalProps {
  sender: string;
  isRemoving: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** Asked before a known-good mark goes: everyone sees the sender ranked again. */
export function RemoveKnownSenderModal({
  sender,
  isRemoving,
  onCancel,
  onConfirm,
}: RemoveKnownSenderModalProps) {
  const titleId = useGeneratedHtmlId({ prefix: 'emtRemoveKnownSenderTitle' });
  return (
    <EuiConfirmModal
      aria-labelledby={titleId}
      titleProps={{ id: titleId }}
      title={`Remove the known-good mark of ${sender}?`}
      onCancel={onCancel}
      onConfirm={onConfirm}
      cancelButtonText="Cancel"
      confirmButtonText="Remove mark"
      buttonColor="danger"
      defaultFocusedButton="cancel"
      isLoading={isRemoving}
      data-test-subj="emtRemoveKnownSenderConfirm"
    >
      <EuiText size="s">
        <p>
          {sender.includes('@') ? 'The sender' : 'Every sender of the domain'} is ranked with the
          suspicious senders again, for everyone, and its note is deleted.
        </p>
      </EuiText>
    </EuiConfirmModal>
  );
}
