import { EuiBadge, EuiHealth, EuiProgress, EuiText, EuiToolTip } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { useFormatDate } from '../../components/app_services';
import { humanDuration, relativeTime } from './format';
import { MINUTE_MS } from '../../../common/time';

type HealthColor = 'success' | 'primary' | 'warning' | 'danger' | 'subdued';

/** One word for the connection's state: the task's health, then the last run's outcome. */
export function connectionHealth(connection: ConnectionView): {
  color: HealthColor;
  label: string;
} {
  const { status, task } = connection;
  if (!connection.settings.enabled || task.health === 'disabled') {
    return { color: 'subdued', label: 'Disabled' };
  }
  if (task.health === 'missing') return { color: 'warning', label: 'Not scheduled' };
  if (task.health === 'running') return { color: 'primary', label: 'Running' };
  const lastSuccessAt = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : -Infinity;
  const failedSinceSuccess =
    status.lastError !== undefined && Date.parse(status.lastError.at) > lastSuccessAt;
  if (task.health === 'failed' || failedSinceSuccess) {
    return { color: 'danger', label: 'Failing' };
  }
  if (!status.lastRunAt) return { color: 'subdued', label: 'Waiting for the first run' };
  return { color: 'success', label: 'Healthy' };
}

export function HealthBadge({ connection, now }: { connection: ConnectionView; now: number }) {
  const { color, label } = connectionHealth(connection);
  const { nextRunAt } = connection.task;
  const formatDate = useFormatDate();
  return (
    <div>
      <EuiHealth color={color} data-test-subj={`emtHealth-${connection.id}`}>
        {label}
      </EuiHealth>
      {nextRunAt && connection.task.health === 'idle' && (
        <EuiText size="xs" color="subdued" data-test-subj={`emtNextRun-${connection.id}`}>
          <EuiToolTip content={formatDate(nextRunAt)}>
            <span tabIndex={0}>Next run {relativeTime(nextRunAt, now)}</span>
          </EuiToolTip>
        </EuiText>
      )}
      {connection.backfill && !connection.backfill.done && (
        <EuiText size="xs" color="subdued">
          Backfilling, {backfillProgress(connection.backfill).percent}% read
        </EuiText>
      )}
    </div>
  );
}

/** How far a backfill has read through its range, in milliseconds of the range. */
export function backfillProgress(backfill: NonNullable<ConnectionView['backfill']>) {
  const start = Date.parse(backfill.start);
  const max = Math.max(0, Date.parse(backfill.end) - start);
  const value = backfill.done
    ? max
    : Math.min(max, Math.max(0, Date.parse(backfill.readUntil) - start));
  return { value, max, percent: max > 0 ? Math.floor((value / max) * 100) : 100 };
}

/** How far behind now the collection is: everything received before `collectedUntil` is read. */
export function LagBadge({ connection, now }: { connection: ConnectionView; now: number }) {
  const formatDate = useFormatDate();
  const { collectedUntil } = connection.status;
  if (!collectedUntil) return null;
  const lag = Math.max(0, now - Date.parse(collectedUntil));
  // Microsoft's traces arrive minutes late; three intervals behind means runs are not keeping up.
  const behind = lag > 3 * connection.settings.intervalMinutes * MINUTE_MS + 15 * MINUTE_MS;
  return (
    <EuiToolTip content={`Everything received before ${formatDate(collectedUntil)} is collected`}>
      <EuiBadge
        color={behind ? 'warning' : 'hollow'}
        tabIndex={0}
        data-test-subj={`emtLag-${connection.id}`}
      >
        {humanDuration(lag)} behind
      </EuiBadge>
    </EuiToolTip>
  );
}

/** Graph requests used out of the tenant's budget per 5 minutes. */
export function BudgetUsage({ connection }: { connection: ConnectionView }) {
  const { budgetUsed, budgetLimit } = connection.status;
  if (budgetUsed === undefined || !budgetLimit) return <>—</>;
  return (
    <EuiToolTip content="Microsoft Graph requests in the last run, out of collection's part of the 5-minute budget">
      <div tabIndex={0} data-test-subj={`emtBudget-${connection.id}`}>
        <EuiText size="s">
          {budgetUsed} / {budgetLimit}
        </EuiText>
        <EuiProgress
          value={Math.min(budgetUsed, budgetLimit)}
          max={budgetLimit}
          size="xs"
          color={budgetUsed >= budgetLimit ? 'warning' : 'primary'}
        />
      </div>
    </EuiToolTip>
  );
}
