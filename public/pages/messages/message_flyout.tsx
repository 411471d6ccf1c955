import {
  EuiCallOut,
  EuiDescriptionList,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiHorizontalRule,
  EuiIcon,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { MessageDetail, MessageRecipient } from '../../../common/http_api/views';
import { useFetch } from '../../hooks/use_fetch';
import type { ViewsApi } from '../../services/views_api';
import { StatusBadge } from '../../components/status_badge';
import { useFormatDate } from '../../components/app_services';
import type { DateFormatter } from '../../services/date_format';
import { formatCount } from '../settings/format';
import { MessageTrail } from './message_trail';

function facts(detail: MessageDetail, formatDate: DateFormatter) {
  const items = [
    ['Received', formatDate(detail.receivedAt)],
    ['Sender', detail.sender],
    ['Subject', detail.subject],
    ['Message ID', detail.messageId],
    ['Trace ID', detail.traceId],
    ['Source IP', detail.fromIp],
    ['Size', detail.size === undefined ? undefined : `${formatCount(detail.size)} bytes`],
    ['Connection', detail.organizationName],
    ['Namespace', detail.namespace],
  ] as const;
  return items
    .filter(([, value]) => value !== undefined)
    .map(([title, description]) => ({ title, description: description as string }));
}

function StatusChanges({ recipient }: { recipient: MessageRecipient }) {
  return (
    <span data-test-subj={`emtStatusChanges-${recipient.recipient}`}>
      {recipient.statuses.map((status, index) => (
        <span key={status}>
          {index > 0 && <EuiIcon type="sortRight" size="s" style={{ margin: '0 4px' }} />}
          <StatusBadge status={status} />
        </span>
      ))}
    </span>
  );
}

/** One message: its facts, every recipient with each status it went through, and their trails. */
export function MessageFlyout({
  api,
  traceId,
  connectionId,
  onClose,
}: {
  api: ViewsApi;
  traceId: string;
  connectionId?: string;
  onClose(): void;
}) {
  const formatDate = useFormatDate();
  const { data, error, loading } = useFetch(`${traceId}|${connectionId ?? ''}`, (signal) =>
    api.messageDetail(
      { traceId, ...(connectionId ? { connectionIds: [connectionId] } : {}) },
      signal
    )
  );
  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus data-test-subj="emtMessageFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2>{data?.subject ?? 'Message'}</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {loading && !data && <EuiLoadingSpinner size="l" />}
        {error && <EuiCallOut color="danger" title={error.message} />}
        {data && (
          <>
            <EuiDescriptionList
              type="column"
              compressed
              listItems={facts(data, formatDate)}
              data-test-subj="emtMessageFacts"
            />
            <EuiHorizontalRule />
            <EuiTitle size="xs">
              <h3>Recipients ({data.recipients.length})</h3>
            </EuiTitle>
            <EuiSpacer size="s" />
            {data.recipients.map((recipient) => (
              <EuiPanel
                key={recipient.recipient}
                paddingSize="s"
                hasBorder
                style={{ marginBottom: 8 }}
                data-test-subj={`emtRecipient-${recipient.recipient}`}
              >
                <EuiText size="s">
                  <strong>{recipient.recipient}</strong>
                  {recipient.toIp ? ` (to ${recipient.toIp})` : ''}
                </EuiText>
                <StatusChanges recipient={recipient} />
                <MessageTrail
                  api={api}
                  traceId={data.traceId}
                  recipient={recipient.recipient}
                  connectionId={data.connectionId}
                />
              </EuiPanel>
            ))}
          </>
        )}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
