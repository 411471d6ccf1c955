import { useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonGroup,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPageTemplate,
  EuiSpacer,
  EuiSwitch,
  EuiText,
} from '@elastic/eui';
import type { SuspiciousSender } from '../../../common/http_api/views';
import { useAppServices } from '../../components/app_services';
import { DownloadCsvButton } from '../../components/download_csv_button';
import { reactMountPoint } from '../../components/react_mount_point';
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
import { formatCount } from '../settings/format';
import { KnownGoodModal } from './known_good_modal';
import { KnownSendersFlyout } from './known_senders_flyout';
import { ReasonFilter } from './reason_filter';
import { ScoreLegend } from './score_legend';
import { reasonsOf, sendersPagingOf, sendersPagingParams } from './senders_page_state';
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
  const paging = useMemo(() => sendersPagingOf(params), [params]);
  const reasons = useMemo(() => reasonsOf(params), [params]);
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [marking, setMarking] = useState<SuspiciousSender>();
  const request = scope && {
    ...scope,
    groupBy,
    includeKnownGood,
    ...(reasons.length ? { reasons } : {}),
    sortField: paging.sort.field,
    sortDirection: paging.sort.direction,
    pageIndex: paging.pageIndex,
    pageSize: paging.pageSize,
  };
  const { data, error, loading } = useFetch(
    request && `${JSON.stringify(request)}#${generation}`,
    (signal) => api.suspiciousSenders(request!, signal)
  );
  const { toasts } = core.notifications;
  // Asked again whenever a mark changes, like the ranking.
  const knownSenders = useFetch(`known#${generation}`, (signal) =>
    api.knownSenders(signal).then((listed) => listed.knownSenders)
  );
  const [listingKnown, setListingKnown] = useState(false);

  /** Runs a change of `sender`'s mark, then asks for the ranking again; a failure is toasted. */
  const changeMark = async (sender: string, change: () => Promise<void>) => {
    setBusy((current) => new Set([...current, sender]));
    try {
      await change();
      setGeneration((current) => current + 1);
    } catch (failure) {
      toasts.addError(failure as Error, { title: `Could not change ${sender}` });
    } finally {
      setBusy((current) => new Set([...current].filter((s) => s !== sender)));
    }
  };

  /** Removes the mark of `marked`, shown busy on `shownAs` (a row, or the mark in the list). */
  const removeMark = (marked: string, shownAs = marked) =>
    changeMark(shownAs, async () => {
      await api.unmarkKnownSender(marked);
      toasts.addSuccess(`${marked} is no longer known-good`);
    });
  // A domain's mark covers its addresses: unmarking one removes the mark that covers it.
  const unmark = (sender: SuspiciousSender) =>
    removeMark(sender.knownGoodMark?.sender ?? sender.sender, sender.sender);

  const mark = (sender: SuspiciousSender, note: string) =>
    changeMark(sender.sender, async () => {
      const marked = await api.markKnownSender({ sender: sender.sender, note });
      setMarking(undefined);
      const toast = toasts.addSuccess({
        title: `${sender.sender} is marked known-good and left out of this list`,
        text: reactMountPoint(
          core,
          <EuiFlexGroup justifyContent="flexEnd" gutterSize="s">
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                onClick={() => {
                  toasts.remove(toast);
                  void changeMark(sender.sender, () => api.unmarkKnownSender(marked.sender));
                }}
                data-test-subj="emtKnownGoodUndo"
              >
                Undo
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        ),
        'data-test-subj': 'emtKnownGoodToast',
      });
    });

  return (
    <EuiPageTemplate.Section data-test-subj="emtSuspiciousSendersPage">
      <ViewFilters controls={controls} isLoading={loading}>
        <EuiFlexItem grow={false}>
          <EuiButtonGroup
            legend="Rank senders or domains"
            options={GROUPS}
            idSelected={groupBy}
            onChange={(id) =>
              setParams({ groupBy: id === 'domain' ? 'domain' : undefined, page: undefined })
            }
            buttonSize="compressed"
            data-test-subj="emtGroupBy"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <ReasonFilter
            selected={reasons}
            onChange={(next) => setParams({ reasons: next.join(','), page: undefined })}
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSwitch
            label="Show known-good"
            checked={includeKnownGood}
            onChange={(event) =>
              setParams({ knownGood: event.target.checked ? 'show' : undefined, page: undefined })
            }
            compressed
            data-test-subj="emtShowKnownGood"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <ScoreLegend />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty
            size="s"
            iconType="list"
            onClick={() => setListingKnown(true)}
            data-test-subj="emtKnownSendersButton"
          >
            Known-good senders
            {knownSenders.data ? ` (${formatCount(knownSenders.data.length)})` : ''}
          </EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <DownloadCsvButton senders={request} fileName="suspicious-senders.csv" />
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
          total={data?.total ?? 0}
          {...paging}
          loading={loading}
          canManage={canManage}
          busy={busy}
          onChange={(change) => setParams(sendersPagingParams(change))}
          onOpen={(sender) => openMessages({ sender: sender.sender })}
          onToggleKnownGood={(sender) => (sender.knownGood ? unmark(sender) : setMarking(sender))}
        />
      )}
      {listingKnown && (
        <KnownSendersFlyout
          knownSenders={knownSenders}
          canManage={canManage}
          busy={busy}
          onRemove={(sender) => removeMark(sender)}
          onClose={() => setListingKnown(false)}
        />
      )}
      {marking && (
        <KnownGoodModal
          sender={marking.sender}
          isMarking={busy.has(marking.sender)}
          onCancel={() => setMarking(undefined)}
          onConfirm={(note) => mark(marking, note)}
        />
      )}
    </EuiPageTemplate.Section>
  );
}
