import { useState, type ReactNode } from 'react';
import {
  EuiButtonEmpty,
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
  EuiTab,
  EuiTabs,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { defenderExplorerUrl } from '../../../common/defender_link';
import type { MessageDetail, MessageRecipient } from '../../../common/http_api/views';
import { useFetch } from '../../hooks/use_fetch';
import type { ViewsApi } from '../../services/views_api';
import { StatusBadge } from '../../components/status_badge';
import { useFormatDate } from '../../components/app_services';
import type { DateFormatter } from '../../services/date_format';
import { formatCount } from '../settings/format';
import { MessageDocuments } from './message_documents';
import { PivotValue, type Pivot } from './message_pivots';
import { MessageTrail } from './message_trail';

function facts(detail: MessageDetail, formatDate: DateFormatter) {
  const pivot = (value: string | undefined, field: Pivot['field'], campaign?: Pivot['campaign']) =>
    value === undefined ? undefined : <PivotValue pivot={{ value, field, campaign }} />;
  const items: Array<[string, ReactNode]> = [
    ['Received', formatDate(detail.receivedAt)],
    ['Sender', pivot(detail.sender, 'sender', 'sender')],
    ['Subject', pivot(detail.subject, 'subject', 'subject')],
    ['Message ID', pivot(detail.messageId, 'messageId', 'messageId')],
    ['Trace ID', detail.traceId],
    ['Source IP', pivot(detail.fromIp, 'ip', 'ip')],
    ['Source network', pivot(detail.fromNetwork, 'ip', 'ip')],
    ['Size', detail.size === undefined ? undefined : `${formatCount(detail.size)} bytes`],
    ['Connection', detail.organizationName],
    ['Tenant ID', detail.tenantId],
    ['Namespace', detail.namespace],
  ];
  return items.flatMap(([title, description]) =>
    description === undefined || description === null ? [] : [{ title, description }]
  );
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
  const [tab, setTab] = useState<'details' | 'json'>('details');
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
        {data?.tenantId && (
          <EuiButtonEmpty
            size="s"
            flush="left"
            iconType="popout"
            iconSide="right"
            href={defenderExplorerUrl(data.tenantId, data.traceId)}
            target="_blank"
            rel="noopener noreferrer"
            data-test-subj="emtOpenInDefender"
          >
            Open in Defender Explorer
          </EuiButtonEmpty>
        )}
        <EuiTabs size="s" bottomBorder={false} style={{ marginBottom: -16 }}>
          <EuiTab isSelected={tab === 'details'} onClick={() => setTab('details')}>
            Details
          </EuiTab>
          <EuiTab
            isSelected={tab === 'json'}
            onClick={() => setTab('json')}
            data-test-subj="emtMessageJsonTab"
          >
            JSON
          </EuiTab>
        </EuiTabs>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {loading && !data && <EuiLoadingSpinner size="l" />}
        {error && <EuiCallOut color="danger" title={error.message} />}
        {tab === 'json' && (
          <MessageDocuments api={api} traceId={traceId} connectionId={connectionId} />
        )}
        {data && tab === 'details' && (
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
                <PivotValue pivot={{ value: recipient.recipient, field: 'recipient' }} />
                {recipient.toIp && (
                  <EuiText size="xs" color="subdued">
                    to {recipient.toIp}
                  </EuiText>
                )}
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
