import { useState } from 'react';
import {
  EuiConfirmModal,
  EuiFormRow,
  EuiText,
  EuiTextArea,
  useGeneratedHtmlId,
} from '@elastic/eui';
import { MAX_KNOWN_SENDER_NOTE } from '../../../common/http_api/views';

interface KnownGoodModalProps {
  sender: string;
  isMarking: boolean;
  onCancel(): void;
  onConfirm(note: string): void;
}

/** Why a sender is known-good, asked before marking; who and when the server records. */
export function KnownGoodModal({ sender, isMarking, onCancel, onConfirm }: KnownGoodModalProps) {
  const titleId = useGeneratedHtmlId({ prefix: 'emtKnownGoodTitle' });
  const [note, setNote] = useState('');
  const reason = note.trim();
  return (
    <EuiConfirmModal
      aria-labelledby={titleId}
      titleProps={{ id: titleId }}
      title={`Mark ${sender} known-good?`}
      onCancel={onCancel}
      onConfirm={() => onConfirm(reason)}
      cancelButtonText="Cancel"
      confirmButtonText="Mark known-good"
      confirmButtonDisabled={reason.length === 0}
      isLoading={isMarking}
      data-test-subj="emtKnownGoodModal"
    >
      <EuiText size="s">
        <p>
          It is left out of the suspicious senders for everyone until it is unmarked. Your user name
          and the time are stored with the mark.
        </p>
      </EuiText>
      <EuiFormRow
        label="Why is it known-good?"
        helpText="For example: our payroll provider, confirmed with finance."
        fullWidth
      >
        <EuiTextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={MAX_KNOWN_SENDER_NOTE}
          rows={3}
          fullWidth
          data-test-subj="emtKnownGoodNoteInput"
        />
      </EuiFormRow>
    </EuiConfirmModal>
  );
}
