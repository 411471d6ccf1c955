import { useState } from 'react';
import {
  EuiButtonEmpty,
  EuiEmptyPrompt,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiInMemoryTable,
  EuiSpacer,
  EuiText,
  EuiTitle,
  useGeneratedHtmlId,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { KnownSender } from '../../../common/http_api/views';
import { AddressText } from '../../components/address_text';
import { useFormatDate } from '../../components/app_services';
import { ViewErrorCallOut } from '../../components/view_error_call_out';
import type { FetchState } from '../../hooks/use_fetch';
import { RemoveKnownSenderModal } from './remove_known_sender_modal';

interface KnownSendersFlyoutProps {
  knownSenders: FetchState<KnownSender[]>;
  canManage: boolean;
  /** Senders whose mark is being changed. */
  busy: ReadonlySet<string>;
  /** Removes the mark; the list and the ranking are asked for again once it is gone. */
  onRemove(sender: string): Promise<void>;
  onClose(): void;
}

/** Every known-good mark, with who set it, when and why; a manager may remove one. */
export function KnownSendersFlyout({
  knownSenders: { data, error, loading },
  canManage,
  busy,
  onRemove,
  onClose,
}: KnownSendersFlyoutProps) {
  const formatDate = useFormatDate();
  const titleId = useGeneratedHtmlId({ prefix: 'emtKnownSendersTitle' });
  const [removing, setRemoving] = useState<string>();
  const columns: Array<EuiBasicTableColumn<KnownSender>> = [
    {
      field: 'sender',
      name: 'Sender or domain',
      sortable: true,
      width: '18em',
      render: (sender: string) => <AddressText address={sender} />,
    },
    {
      field: 'note',
      name: 'Note',
      sortable: true,
      render: (note?: string) =>
        note ?? (
          <EuiText size="xs" color="subdued">
            No note (marked before a note was required)
          </EuiText>
        ),
    },
    {
      field: 'markedBy',
      name: 'Marked by',
      sortable: true,
      width: '9em',
      render: (markedBy?: string) => markedBy ?? '—',
    },
    {
      field: 'markedAt',
      name: 'Marked at',
      sortable: true,
      width: '13em',
      render: (markedAt: string) => formatDate(markedAt),
    },
  ];
  if (canManage) {
    columns.push({
      name: 'Actions',
      width: '9em',
      render: ({ sender }: KnownSender) => (
        <EuiButtonEmpty
          size="xs"
          color="danger"
          iconType="trash"
          isLoading={busy.has(sender)}
          onClick={() => setRemoving(sender)}
          aria-label={`Remove the known-good mark of ${sender}`}
          data-test-subj={`emtKnownSenderRemove-${sender}`}
        >
          Remove
        </EuiButtonEmpty>
      ),
    });
  }
  return (
    <EuiFlyout
      onClose={onClose}
      size="l"
      ownFocus
      aria-labelledby={titleId}
      data-test-subj="emtKnownSendersFlyout"
    >
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id={titleId}>Known-good senders</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        <EuiText size="s" color="subdued">
          <p>Left out of the suspicious senders for everyone; a domain covers all its addresses.</p>
        </EuiText>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {error && (
          <ViewErrorCallOut
            title="The known-good senders could not be listed"
            error={error}
            data-test-subj="emtKnownSendersError"
          />
        )}
        {data?.length === 0 && (
          <EuiEmptyPrompt
            iconType="check"
            title={<h3>No known-good senders</h3>}
            body={
              <p>
                No sender is marked known-good. Mark one from the ranking when you know why its mail
                is legitimate: it is then left out for everyone, with your note.
              </p>
            }
            data-test-subj="emtKnownSendersEmpty"
          />
        )}
        {!error && data?.length !== 0 && (
          <EuiInMemoryTable<KnownSender>
            tableCaption="Every known-good sender"
            items={data ?? []}
            itemId="sender"
            columns={columns}
            loading={loading}
            search={{
              box: {
                incremental: true,
                placeholder: 'Search senders, notes and users',
                'data-test-subj': 'emtKnownSendersSearch',
              },
            }}
            noItemsMessage={loading ? 'Loading…' : 'No known-good sender matches the search'}
            pagination={{ initialPageSize: 25, pageSizeOptions: [25, 50, 100] }}
            sorting={{ sort: { field: 'markedAt', direction: 'desc' } }}
            rowProps={(known) => ({ 'data-test-subj': `emtKnownSender-${known.sender}` })}
            data-test-subj="emtKnownSendersTable"
          />
        )}
      </EuiFlyoutBody>
      {removing && (
        <RemoveKnownSenderModal
          sender={removing}
          isRemoving={busy.has(removing)}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => void onRemove(removing).finally(() => setRemoving(undefined))}
        />
      )}
    </EuiFlyout>
  );
}
