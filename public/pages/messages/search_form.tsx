import type { FormEvent } from 'react';
import {
  EuiButton,
  EuiComboBox,
  EuiFieldText,
  EuiFlexGrid,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
} from '@elastic/eui';
import { KNOWN_STATUSES } from '../../../common/graph/message_trace';
import { ipOrNetworkCodec } from '../../../common/http_api/view_codecs';
import type { MessageSearchFields } from '../../../common/http_api/views';
import { statusLabel } from '../../components/status_badge';
import { SEARCH_TEXT_FIELDS, type SearchTextField } from './message_search_state';

const LABELS: Record<SearchTextField, { label: string; placeholder: string }> = {
  sender: { label: 'Sender', placeholder: 'address or domain, * as a wildcard' },
  recipient: { label: 'Recipient', placeholder: 'address or domain, * as a wildcard' },
  subject: { label: 'Subject', placeholder: 'words in the subject' },
  messageId: { label: 'Message ID', placeholder: '<id@host>' },
  ip: { label: 'IP address', placeholder: '203.0.113.7 or 203.0.113.0/24' },
};

const STATUS_OPTIONS = KNOWN_STATUSES.filter((status) => status !== 'unknownFutureValue').map(
  (status) => ({ label: statusLabel(status), value: status })
);

/** What is wrong with a field as typed, said beside it before anything is searched. */
export function fieldError(name: SearchTextField, value: string | undefined): string | undefined {
  const typed = value?.trim();
  if (name !== 'ip' || !typed || ipOrNetworkCodec.is(typed)) return undefined;
  return 'Enter an IP address, such as 203.0.113.7, or a network, such as 203.0.113.0/24.';
}

/** The search fields; they reach the URL (and the server) when submitted. */
export function SearchForm({
  draft,
  setDraft,
  onSearch,
}: {
  draft: MessageSearchFields;
  setDraft(draft: MessageSearchFields): void;
  onSearch(): void;
}) {
  const invalid = SEARCH_TEXT_FIELDS.some((name) => fieldError(name, draft[name]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onSearch();
  };
  return (
    <EuiForm component="form" onSubmit={submit} data-test-subj="emtMessageSearchForm">
      <EuiFlexGrid columns={3} gutterSize="s">
        {SEARCH_TEXT_FIELDS.map((name) => (
          <EuiFlexItem key={name}>
            <EuiFormRow
              label={LABELS[name].label}
              fullWidth
              isInvalid={fieldError(name, draft[name]) !== undefined}
              error={fieldError(name, draft[name])}
            >
              <EuiFieldText
                fullWidth
                compressed
                isInvalid={fieldError(name, draft[name]) !== undefined}
                value={draft[name] ?? ''}
                placeholder={LABELS[name].placeholder}
                onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
                data-test-subj={`emtSearch-${name}`}
              />
            </EuiFormRow>
          </EuiFlexItem>
        ))}
        <EuiFlexItem>
          <EuiFormRow label="Status" fullWidth>
            <EuiComboBox
              fullWidth
              compressed
              aria-label="Status"
              placeholder="Any status"
              options={STATUS_OPTIONS}
              selectedOptions={STATUS_OPTIONS.filter((option) =>
                draft.statuses?.includes(option.value)
              )}
              onChange={(chosen) =>
                setDraft({ ...draft, statuses: chosen.map((option) => option.value as string) })
              }
              data-test-subj="emtSearch-statuses"
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGrid>
      <EuiButton
        type="submit"
        size="s"
        iconType="search"
        isDisabled={invalid}
        style={{ marginTop: 8 }}
        data-test-subj="emtSearchSubmit"
      >
        Search
      </EuiButton>
    </EuiForm>
  );
}
