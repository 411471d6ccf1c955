import { useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { RULE_TYPE_IDS } from '../../../common/alerting/rule_params';
import { CreateRuleFlyout } from '../../rule_types/create_rule_flyout';
import { COLLECTION_HEALTH_DEFAULTS } from '../../rule_types/rule_prefill';
import { useAppServices } from '../../components/app_services';
import { useConnections } from '../../hooks/use_connections';
import { usePluginStatus } from '../../hooks/use_plugin_status';
import { BackfillModal } from './backfill_modal';
import { ConnectionFlyout } from './connection_flyout';
import { ConnectionsTable } from './connections_table';
import { DeleteConnectionModal } from './delete_connection_modal';
import { ExpiryCallOut } from './expiry_call_out';
import { SetupProblemsCallOut } from './setup_problems_call_out';
import { FleetPackageCallOut } from './fleet_package_call_out';
import { ReauthorizeCallOut, ReauthorizeModal } from './reauthorize_call_out';
import { StatusPanel } from './status_panel';
import { useConnectionActions } from './use_connection_actions';

type FlyoutState =
  | { kind: 'closed' }
  | { kind: 'create' }
  | { kind: 'edit'; connection: ConnectionView };

/** The connections to Microsoft Graph: their health at a glance, and (with `manage`) their setup. */
export function SettingsPage() {
  const { api, canManage, canCreateRules } = useAppServices();
  const [creatingRule, setCreatingRule] = useState(false);
  const { connections, username, error, refresh } = useConnections(api);
  const status = usePluginStatus(api);
  const actions = useConnectionActions(refresh);
  const [flyout, setFlyout] = useState<FlyoutState>({ kind: 'closed' });
  const [deleting, setDeleting] = useState<ConnectionView>();
  const [backfillId, setBackfillId] = useState<string>();
  const [reauthorizing, setReauthorizing] = useState<ConnectionView[]>();
  const now = Date.now();
  const backfilling = connections?.find((connection) => connection.id === backfillId);

  const createButton = canManage && (
    <EuiButton
      fill
      iconType="plusInCircle"
      onClick={() => setFlyout({ kind: 'create' })}
      data-test-subj="emtCreateConnection"
    >
      Create connection
    </EuiButton>
  );

  const confirmReauthorize = async () => {
    if (!reauthorizing) return;
    await Promise.all(reauthorizing.map(actions.reauthorize));
    setReauthorizing(undefined);
  };

  const confirmDelete = async () => {
    if (deleting && (await actions.remove(deleting))) setDeleting(undefined);
  };

  return (
    <EuiPageTemplate.Section data-test-subj="emtSettingsPage">
      <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>Connections</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFlexGroup gutterSize="s" responsive={false}>
            {canCreateRules && connections?.length ? (
              <EuiFlexItem grow={false}>
                <EuiButton
                  iconType="bell"
                  onClick={() => setCreatingRule(true)}
                  data-test-subj="emtCreateHealthRule"
                >
                  Create alert rule
                </EuiButton>
              </EuiFlexItem>
            ) : null}
            <EuiFlexItem grow={false}>{connections?.length ? createButton : null}</EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      {creatingRule && (
        <CreateRuleFlyout
          ruleTypeId={RULE_TYPE_IDS.collectionHealth}
          title="Alert on collection health"
          initialName="Exchange collection health"
          initialParams={COLLECTION_HEALTH_DEFAULTS}
          onClose={() => setCreatingRule(false)}
        />
      )}
      <EuiSpacer size="m" />
      <SetupProblemsCallOut state={status} />
      <FleetPackageCallOut fleetPackage={status.data?.fleetPackage} />
      {!canManage && (
        <>
          <EuiCallOut
            size="s"
            iconType="eye"
            title="Read only: you can see the connections and their status, not change them."
            data-test-subj="emtReadOnly"
          />
          <EuiSpacer size="m" />
        </>
      )}
      {error && (
        <>
          <EuiCallOut
            color="danger"
            iconType="error"
            title="Cannot load the connections"
            data-test-subj="emtConnectionsError"
          >
            <p>{error.message}</p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      {connections && (
        <ReauthorizeCallOut
          connections={connections}
          username={username}
          canManage={canManage}
          onReauthorize={setReauthorizing}
        />
      )}
      {connections && <ExpiryCallOut connections={connections} now={now} />}
      {connections === undefined && !error && <EuiLoadingSpinner size="xl" />}
      {connections?.length === 0 && (
        <EuiEmptyPrompt
          iconType="email"
          title={<h3>No connections yet</h3>}
          body={
            <p>
              {canManage
                ? 'Connect a Microsoft 365 tenant to collect its Exchange Online message traces.'
                : 'Someone with the privilege to manage Exchange Message Trace can add one.'}
            </p>
          }
          actions={createButton || undefined}
          data-test-subj="emtNoConnections"
        />
      )}
      {connections && connections.length > 0 && (
        <ConnectionsTable
          connections={connections}
          now={now}
          canManage={canManage}
          pendingIds={actions.pendingIds}
          onEdit={(connection) => setFlyout({ kind: 'edit', connection })}
          onDelete={setDeleting}
          onRunNow={actions.runNow}
          onBackfill={(connection) => setBackfillId(connection.id)}
          onToggleEnabled={actions.toggleEnabled}
          onReauthorize={(connection) => setReauthorizing([connection])}
        />
      )}
      <EuiSpacer size="xl" />
      <StatusPanel state={status} />

      {canManage && flyout.kind !== 'closed' && (
        <ConnectionFlyout
          connection={flyout.kind === 'edit' ? flyout.connection : undefined}
          onClose={() => setFlyout({ kind: 'closed' })}
          onSaved={() => {
            setFlyout({ kind: 'closed' });
            refresh();
          }}
        />
      )}
      {canManage && deleting && (
        <DeleteConnectionModal
          connection={deleting}
          isDeleting={actions.pendingIds.has(deleting.id)}
          onCancel={() => setDeleting(undefined)}
          onConfirm={confirmDelete}
        />
      )}
      {canManage && reauthorizing && (
        <ReauthorizeModal
          connections={reauthorizing}
          username={username}
          isWorking={reauthorizing.some(({ id }) => actions.pendingIds.has(id))}
          onCancel={() => setReauthorizing(undefined)}
          onConfirm={confirmReauthorize}
        />
      )}
      {canManage && backfilling && (
        <BackfillModal
          connection={backfilling}
          onClose={() => setBackfillId(undefined)}
          onStarted={refresh}
        />
      )}
    </EuiPageTemplate.Section>
  );
}
