import { useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonGroup,
  EuiCallOut,
  EuiFlexItem,
  EuiPageTemplate,
  EuiSpacer,
  EuiSwitch,
  EuiText,
} from '@elastic/eui';
import type { SuspiciousSender } from '../../../common/http_api/views';
import { useAppServices } from '../../components/app_services';
import { useViewScope } from '../../components/view_filters/use_view_scope';
import { ViewFilters } from '../../components/view_filters/view_filters';
import { ViewErrorCallOut } from '../../components/view_error_call_out';
import { useFetch } from '../../hooks/use_fetch';
import { useOpenMessages } from '../../hooks/use_open_messages';
import { createViewsApi } from '../../services/views_api';
import { RULE_TYPE_IDS } from '../../../common/alerting/rule_params';
import { CreateRuleFlyout } from '../../rule_types/create_rule_flyout';
import { suspiciousSenderRuleParams } from '../../rule_types/rule_prefill';
import { BaselineNote } from './baseline_note';
import { SendersTable } from './senders_table';

const GROUPS = [
  { id: 'sender', label: 'Senders' },
  { id: 'domain', label: 'Domains' },
];

/** External senders (or domains) ranked by what makes them suspicious, with the reasons. */
export function SuspiciousSendersPage() {
  const { core, canManage, canCreateRules } = useAppServices();
  const [creatingRule, setCreatingRule] = useState(false);
  const api = useMemo(() => createViewsApi(core.http), [core]);
  const controls = useViewScope();
  const { params, setParams, scope } = controls;
  const openMessages = useOpenMessages();
  const groupBy: 'sender' | 'domain' = params.groupBy === 'domain' ? 'domain' : 'sender';
  const includeKnownGood = params.knownGood === 'show';
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const request = scope && { ...scope, groupBy, includeKnownGood };
  const { data, error, loading } = useFetch(
    request && `${JSON.stringify(request)}#${generation}`,
    (signal) => api.suspiciousSenders(request!, signal)
  );

  const toggleKnownGood = async (sender: SuspiciousSender) => {
    setBusy((current) => new Set([...current, sender.sender]));
    try {
      if (sender.knownGood) await api.unmarkKnownSender(sender.sender);
      else await api.markKnownSender({ sender: sender.sender });
      core.notifications.toasts.addSuccess(
        sender.knownGood
          ? `${sender.sender} is no longer known-good`
          : `${sender.sender} is marked known-good and left out of this list`
      );
      setGeneration((current) => current + 1);
    } catch (failure) {
      core.notifications.toasts.addError(failure as Error, {
        title: `Could not change ${sender.sender}`,
      });
    } finally {
      setBusy((current) => new Set([...current].filter((s) => s !== sender.sender)));
    }
  };

  return (
    <EuiPageTemplate.Section data-test-subj="emtSuspiciousSendersPage">
      <ViewFilters controls={controls} isLoading={loading}>
        <EuiFlexItem grow={false}>
          <EuiButtonGroup
            legend="Rank senders or domains"
            options={GROUPS}
            idSelected={groupBy}
            onChange={(id) => setParams({ groupBy: id === 'domain' ? 'domain' : undefined })}
            buttonSize="compressed"
            data-test-subj="emtGroupBy"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSwitch
            label="Show known-good"
            checked={includeKnownGood}
            onChange={(event) =>
              setParams({ knownGood: event.target.checked ? 'show' : undefined })
            }
            compressed
            data-test-subj="emtShowKnownGood"
          />
        </EuiFlexItem>
        {canCreateRules && scope && (
          <EuiFlexItem grow={false}>
            <EuiButton
              size="s"
              iconType="bell"
              onClick={() => setCreatingRule(true)}
              data-test-subj="emtCreateSenderRule"
            >
              Create alert rule
            </EuiButton>
          </EuiFlexItem>
        )}
      </ViewFilters>
      {creatingRule && scope && (
        <CreateRuleFlyout
          ruleTypeId={RULE_TYPE_IDS.suspiciousSender}
          title="Alert on suspicious senders"
          initialName={groupBy === 'domain' ? 'Suspicious sending domains' : 'Suspicious senders'}
          initialParams={suspiciousSenderRuleParams(scope, groupBy, data?.senders ?? [])}
          onClose={() => setCreatingRule(false)}
        />
      )}
      <EuiSpacer size="m" />
      {error && (
        <ViewErrorCallOut
          title="The senders could not be ranked"
          error={error}
          data-test-subj="emtViewError"
        />
      )}
      {data && <BaselineNote baseline={data.baseline} />}
      {data && data.localDomains.length === 0 && (
        <EuiCallOut
          size="s"
          color="warning"
          title="No local domains are set on these connections: lookalikes and spoofing of your domains cannot be found."
          data-test-subj="emtNoLocalDomains"
        />
      )}
      {data && data.knownGoodHidden > 0 && (
        <EuiText size="xs" color="subdued" data-test-subj="emtKnownGoodHidden">
          {data.knownGoodHidden} known-good{' '}
          {data.knownGoodHidden === 1 ? 'sender is' : 'senders are'} left out.
        </EuiText>
      )}
      <EuiSpacer size="s" />
      {scope && !error && (
        <SendersTable
          senders={data?.senders ?? []}
          loading={loading}
          canManage={canManage}
          busy={busy}
          onOpen={(sender) => openMessages({ sender: sender.sender })}
          onToggleKnownGood={toggleKnownGood}
        />
      )}
    </EuiPageTemplate.Section>
  );
}
