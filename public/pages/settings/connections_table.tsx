import {
  EuiBasicTable,
  EuiButton,
  EuiButtonIcon,
  EuiFlexGroup,
  EuiSwitch,
  EuiText,
  EuiToolTip,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { needsReauthorization } from '../../components/collection_health';
import { LastErrorText } from '../../components/last_error_text';
import { ExpiryBadge } from './expiry_badge';
import { useFormatDate } from '../../components/app_services';
import type { DateFormatter } from '../../services/date_format';
import { formatCount, relativeTime } from './format';
import { BudgetUsage, HealthBadge, LagBadge } from './health_badges';

export interface ConnectionActions {
  onEdit(connection: ConnectionView): void;
  onDelete(connection: ConnectionView): void;
  onRunNow(connection: ConnectionView): void;
  onBackfill(connection: ConnectionView): void;
  onToggleEnabled(connection: ConnectionView): void;
  onReauthorize(connection: ConnectionView): void;
}

interface ConnectionsTableProps extends ConnectionActions {
  connections: ConnectionView[];
  now: number;
  /** Without the `manage` capability there are no controls, only the status. */
  canManage: boolean;
  /** Connections with a request under way (their controls wait). */
  pendingIds: ReadonlySet<string>;
}

const subdued = (text: string) => (
  <EuiText size="xs" color="subdued">
    {text}
  </EuiText>
);

function statusColumns(
  now: number,
  formatDate: DateFormatter
): Array<EuiBasicTableColumn<ConnectionView>> {
  return [
    {
      name: 'Connection',
      render: (connection: ConnectionView) => (
        <div data-test-subj={`emtConnectionName-${connection.id}`}>
          <EuiText size="s">
            <strong>{connection.settings.name}</strong>
          </EuiText>
          {subdued(connection.settings.tenantId)}
        </div>
      ),
    },
    {
      name: 'Health',
      width: '10em',
      render: (connection: ConnectionView) => <HealthBadge connection={connection} now={now} />,
    },
    {
      name: 'Last success',
      // Room for "a few seconds ago" and its lag badge, which do not wrap.
      width: '13.5em',
      render: (connection: ConnectionView) => {
        const { lastSuccessAt } = connection.status;
        return (
          <div data-test-subj={`emtLastSuccess-${connection.id}`}>
            {lastSuccessAt ? (
              <EuiToolTip content={formatDate(lastSuccessAt)}>
                <span tabIndex={0}>{relativeTime(lastSuccessAt, now)}</span>
              </EuiToolTip>
            ) : (
              'Never'
            )}
            <div>
              <LagBadge connection={connection} now={now} />
            </div>
          </div>
        );
      },
    },
    {
      name: 'Last run',
      width: '11em',
      render: (connection: ConnectionView) => {
        const { id, status } = connection;
        if (status.documentsLastRun === undefined) {
          return <span data-test-subj={`emtDocumentsLastRun-${id}`}>—</span>;
        }
        return (
          <div>
            <EuiText size="s" data-test-subj={`emtDocumentsLastRun-${id}`}>
              {formatCount(status.documentsLastRun)} documents
            </EuiText>
            <EuiToolTip content={status.rejectedSamples?.[0]?.reason}>
              <EuiText
                size="xs"
                tabIndex={0}
                color={status.rowsRejectedLastRun ? 'warning' : 'subdued'}
                data-test-subj={`emtRowsRejected-${id}`}
              >
                {formatCount(status.rowsRejectedLastRun ?? 0)} rows rejected
              </EuiText>
            </EuiToolTip>
            <BudgetUsage connection={connection} />
          </div>
        );
      },
    },
    {
      name: 'Last error',
      render: ({ id, status, authorization }: ConnectionView) =>
        status.lastError ? (
          <LastErrorText error={status.lastError} data-test-subj={`emtLastError-${id}`} />
        ) : authorization.state === 'missing' ? (
          <EuiText size="xs" color="warning" data-test-subj={`emtLastError-${id}`}>
            No API key to write with: re-authorise the connection.
          </EuiText>
        ) : (
          <span data-test-subj={`emtLastError-${id}`}>—</span>
        ),
    },
    {
      name: 'Secret expiry',
      width: '8.5em',
      render: (connection: ConnectionView) => <ExpiryBadge connection={connection} now={now} />,
    },
  ];
}

function actionButton(
  id: string,
  label: string,
  iconType: string,
  onClick: () => void,
  options: { disabled?: boolean; color?: 'danger' } = {}
) {
  return (
    <EuiToolTip content={label} disableScreenReaderOutput>
      <EuiButtonIcon
        iconType={iconType}
        aria-label={label}
        onClick={onClick}
        isDisabled={options.disabled}
        color={options.color ?? 'primary'}
        data-test-subj={id}
      />
    </EuiToolTip>
  );
}

function manageColumns(
  actions: ConnectionActions,
  pendingIds: ReadonlySet<string>
): Array<EuiBasicTableColumn<ConnectionView>> {
  return [
    {
      name: 'Actions',
      // The switch and four buttons on one line; a labelled Re-authorise below when it is needed.
      width: '16.5em',
      render: (connection: ConnectionView) => {
        const { id } = connection;
        const pending = pendingIds.has(id);
        const running = connection.task.health === 'running';
        return (
          <>
            <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false} wrap={false}>
              <EuiToolTip
                content={connection.settings.enabled ? 'Disable collection' : 'Enable collection'}
                disableScreenReaderOutput
              >
                <EuiSwitch
                  label={`Collect with ${connection.settings.name}`}
                  showLabel={false}
                  compressed
                  checked={connection.settings.enabled}
                  disabled={pending}
                  onChange={() => actions.onToggleEnabled(connection)}
                  data-test-subj={`emtEnabled-${id}`}
                />
              </EuiToolTip>
              {actionButton(
                `emtRunNow-${id}`,
                'Run now',
                'play',
                () => actions.onRunNow(connection),
                {
                  disabled: pending || running || !connection.settings.enabled,
                }
              )}
              {actionButton(`emtBackfill-${id}`, 'Backfill', 'clockCounter', () =>
                actions.onBackfill(connection)
              )}
              {actionButton(`emtEdit-${id}`, 'Edit', 'pencil', () => actions.onEdit(connection))}
              {actionButton(
                `emtDelete-${id}`,
                'Delete',
                'trash',
                () => actions.onDelete(connection),
                {
                  disabled: pending,
                  color: 'danger',
                }
              )}
            </EuiFlexGroup>
            {needsReauthorization(connection) && (
              <EuiButton
                size="s"
                color="warning"
                iconType="key"
                onClick={() => actions.onReauthorize(connection)}
                isDisabled={pending}
                data-test-subj={`emtReauthorize-${id}`}
              >
                Re-authorise…
              </EuiButton>
            )}
          </>
        );
      },
    },
  ];
}

export function ConnectionsTable({
  connections,
  now,
  canManage,
  pendingIds,
  ...actions
}: ConnectionsTableProps) {
  const formatDate = useFormatDate();
  const columns = [
    ...statusColumns(now, formatDate),
    ...(canManage ? manageColumns(actions, pendingIds) : []),
  ];
  return (
    <EuiBasicTable<ConnectionView>
      tableCaption="Connections"
      data-test-subj="emtConnectionsTable"
      items={connections}
      itemId="id"
      rowProps={(connection) => ({ 'data-test-subj': `emtConnectionRow-${connection.id}` })}
      columns={columns}
    />
  );
}
