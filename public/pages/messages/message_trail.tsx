import { useState } from 'react';
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiCallOut,
  EuiText,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { MessageTrail as Trail, TrailEvent } from '../../../common/http_api/views';
import type { ViewsApi } from '../../services/views_api';
import { exactTime } from '../settings/format';

const columns: Array<EuiBasicTableColumn<TrailEvent>> = [
  { field: 'dateTime', name: 'Time', width: '12em', render: (time: string) => exactTime(time) },
  { field: 'event', name: 'Event', width: '8em' },
  { field: 'action', name: 'Action', width: '8em', render: (action?: string) => action ?? '' },
  { field: 'description', name: 'Description', render: (text?: string) => text ?? '' },
];

/**
 * getDetailsByRecipient on demand: it costs the tenant a Graph request from its budget (shared
 * with collection), so only when asked; the server caches it.
 */
export function MessageTrail({
  api,
  traceId,
  recipient,
  connectionId,
}: {
  api: ViewsApi;
  traceId: string;
  recipient: string;
  connectionId?: string;
}) {
  const [trail, setTrail] = useState<Trail>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      setTrail(
        await api.messageTrail({ traceId, recipient, ...(connectionId ? { connectionId } : {}) })
      );
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  };
  if (!trail) {
    return (
      <>
        <EuiButtonEmpty
          size="xs"
          iconType="list"
          isLoading={loading}
          onClick={load}
          data-test-subj={`emtTrailLoad-${recipient}`}
        >
          Event trail from Microsoft Graph
        </EuiButtonEmpty>
        {error && (
          <EuiCallOut size="s" color="danger" title={error} data-test-subj="emtTrailError" />
        )}
      </>
    );
  }
  return (
    <div data-test-subj={`emtTrail-${recipient}`}>
      <EuiBasicTable<TrailEvent> items={trail.events} columns={columns} compressed />
      <EuiText size="xs" color="subdued">
        Fetched {exactTime(trail.fetchedAt)}
        {trail.cached ? ' (from the cache)' : ''}
      </EuiText>
    </div>
  );
}
