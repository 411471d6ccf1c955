import { useState } from 'react';
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiCallOut,
  EuiText,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { BudgetUsedUpAttributes } from '../../../common/http_api/budget_used_up';
import type { MessageTrail as Trail, TrailEvent } from '../../../common/http_api/views';
import { DeliveryFailureCallOut } from '../../components/delivery_failure_call_out';
import { statusCodeOf } from '../../services/http_errors';
import type { ViewsApi } from '../../services/views_api';
import { useFormatDate } from '../../components/app_services';
import type { DateFormatter } from '../../services/date_format';
import { relativeTime } from '../settings/format';

const columnsFor = (formatDate: DateFormatter): Array<EuiBasicTableColumn<TrailEvent>> => [
  { field: 'dateTime', name: 'Time', width: '14.5em', render: (time: string) => formatDate(time) },
  { field: 'event', name: 'Event', width: '8em' },
  { field: 'action', name: 'Action', width: '8em', render: (action?: string) => action ?? '' },
  { field: 'description', name: 'Description', render: (text?: string) => text ?? '' },
];

interface TrailFailure {
  message: string;
  /** Set when the on-demand share of Graph requests is used up: when to try again. */
  retryAt?: string;
}

function failureOf(error: unknown): TrailFailure {
  const { message } = error as Error;
  if (statusCodeOf(error) !== 429) return { message };
  const { body } = error as { body?: { attributes?: Partial<BudgetUsedUpAttributes> } };
  const retryAt = body?.attributes?.retryAt;
  return typeof retryAt === 'string' ? { message, retryAt } : { message };
}

/** The share of Graph requests for trails is used up: when to try again, and why. */
function RetryLater({ retryAt }: { retryAt: string }) {
  const formatDate = useFormatDate();
  return (
    <EuiCallOut
      size="s"
      color="warning"
      iconType="clock"
      title={`Try again at ${formatDate(retryAt)}, ${relativeTime(retryAt, Date.now())}`}
      data-test-subj="emtTrailRetryAt"
    >
      Event trails and connection tests take their Microsoft Graph requests from a small share of
      the tenant&apos;s budget, kept apart so that collection is never delayed. That share, or your
      part of it, is used up until then.
    </EuiCallOut>
  );
}

/**
 * getDetailsByRecipient on demand: it costs a Graph request from the user's part of the tenant's
 * on-demand share, so only when asked; the server caches it.
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
  const formatDate = useFormatDate();
  const [trail, setTrail] = useState<Trail>();
  const [error, setError] = useState<TrailFailure>();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      setTrail(
        await api.messageTrail({ traceId, recipient, ...(connectionId ? { connectionId } : {}) })
      );
    } catch (failure) {
      setError(failureOf(failure));
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
        {error?.retryAt && <RetryLater retryAt={error.retryAt} />}
        {error && !error.retryAt && (
          <EuiCallOut
            size="s"
            color="danger"
            title={error.message}
            data-test-subj="emtTrailError"
          />
        )}
      </>
    );
  }
  return (
    <div data-test-subj={`emtTrail-${recipient}`}>
      {trail.failure && (
        <DeliveryFailureCallOut
          failure={trail.failure}
          data-test-subj={`emtTrailFailure-${recipient}`}
        />
      )}
      <EuiBasicTable<TrailEvent> items={trail.events} columns={columnsFor(formatDate)} compressed />
      <EuiText size="xs" color="subdued">
        Fetched {formatDate(trail.fetchedAt)}
        {trail.cached ? ' (from the cache)' : ''}
      </EuiText>
    </div>
  );
}
