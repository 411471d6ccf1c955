import { useMemo, useState, type FormEvent } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiPageTemplate,
  EuiSelect,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import {
  CAMPAIGN_CRITERIA,
  MAX_CAMPAIGN_RECIPIENTS,
  type CampaignCriterion,
} from '../../../common/http_api/campaign';
import { ipOrNetworkCodec } from '../../../common/http_api/view_codecs';
import { useAppServices } from '../../components/app_services';
import { DownloadCsvButton } from '../../components/download_csv_button';
import { LatestStatusNote } from '../../components/latest_status_note';
import { ViewErrorCallOut } from '../../components/view_error_call_out';
import { useViewScope } from '../../components/view_filters/use_view_scope';
import { ViewFilters } from '../../components/view_filters/view_filters';
import { useFetch } from '../../hooks/use_fetch';
import { createViewsApi } from '../../services/views_api';
import { formatCount } from '../settings/format';
import { CRITERION_LABELS, campaignRequestOf, criterionOf } from './campaign_state';
import { CampaignCounts, CampaignRecipientsTable, CampaignTenantsTable } from './campaign_tables';

const CRITERION_OPTIONS = CAMPAIGN_CRITERIA.map((name) => ({
  value: name,
  text: CRITERION_LABELS[name],
}));

/**
 * "Who else got this?": every recipient of the mail with one sender, subject, message ID or
 * source IP, across every connection (tenant) in scope, each in its latest status.
 */
export function CampaignPage() {
  const { core } = useAppServices();
  const api = useMemo(() => createViewsApi(core.http), [core]);
  const controls = useViewScope();
  const { params, setParams, scope } = controls;
  const criterion = useMemo(() => criterionOf(params), [params]);
  const [draft, setDraft] = useState({ key: JSON.stringify(criterion), ...criterion });
  // A link or the back button replaces what was typed; a date change keeps it (use_search_draft).
  if (draft.key !== JSON.stringify(criterion)) {
    setDraft({ key: JSON.stringify(criterion), ...criterion });
  }
  const request = scope && campaignRequestOf(scope, criterion);
  const { data, error, loading } = useFetch(request && JSON.stringify(request), (signal) =>
    api.campaign(request!, signal)
  );
  const ipProblem =
    draft.by === 'ip' && draft.value.trim() !== '' && !ipOrNetworkCodec.is(draft.value.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ipProblem) setParams({ by: draft.by, value: draft.value.trim() });
  };
  const names = new Map(
    (data?.tenants ?? []).map((tenant) => [
      tenant.connectionId ?? '',
      tenant.organizationName ?? tenant.connectionId ?? 'Unknown connection',
    ])
  );
  const nameOf = (connectionId?: string) => names.get(connectionId ?? '') ?? connectionId ?? '';

  return (
    <EuiPageTemplate.Section data-test-subj="emtCampaignPage">
      <ViewFilters
        controls={controls}
        isLoading={loading}
        pendingParams={{ by: draft.by, value: draft.value.trim() }}
      />
      <EuiSpacer size="m" />
      <EuiForm component="form" onSubmit={submit} data-test-subj="emtCampaignForm">
        <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
          <EuiFlexItem grow={false} style={{ minWidth: 200 }}>
            <EuiSelect
              compressed
              aria-label="Find mail by"
              options={CRITERION_OPTIONS}
              value={draft.by}
              onChange={(event) =>
                setDraft({ ...draft, by: event.target.value as CampaignCriterion })
              }
              data-test-subj="emtCampaignBy"
            />
          </EuiFlexItem>
          <EuiFlexItem>
            <EuiFieldText
              compressed
              fullWidth
              aria-label={CRITERION_LABELS[draft.by]}
              isInvalid={ipProblem}
              placeholder="The value every message of the campaign shares"
              value={draft.value}
              onChange={(event) => setDraft({ ...draft, value: event.target.value })}
              data-test-subj="emtCampaignValue"
            />
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton size="s" type="submit" fill isDisabled={ipProblem}>
              Find recipients
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiForm>
      <EuiSpacer size="m" />
      {!criterion.value && (
        <EuiText size="s" color="subdued" data-test-subj="emtCampaignEmpty">
          Pick a sender, subject, message ID or source IP (or open one from a message or a
          suspicious sender) to see who else received it, in every connection.
        </EuiText>
      )}
      {error && (
        <ViewErrorCallOut
          title="The campaign could not be read"
          error={error}
          data-test-subj="emtCampaignError"
        />
      )}
      {data && !error && (
        <>
          <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <CampaignCounts data={data} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <DownloadCsvButton
                request={request}
                fileName={`campaign-${criterion.by}.csv`}
                data-test-subj="emtCampaignDownloadCsv"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          <LatestStatusNote quality={data.latestStatus} />
          <EuiTitle size="xs">
            <h3>Connections ({data.tenants.length})</h3>
          </EuiTitle>
          <CampaignTenantsTable tenants={data.tenants} nameOf={nameOf} />
          <EuiSpacer size="m" />
          <EuiTitle size="xs">
            <h3>Recipients ({formatCount(data.recipients.length)})</h3>
          </EuiTitle>
          {data.recipientsTruncated && (
            <EuiCallOut
              size="s"
              color="warning"
              title={`The ${formatCount(MAX_CAMPAIGN_RECIPIENTS)} most recent recipients`}
              data-test-subj="emtCampaignTruncated"
            >
              More recipients received it; the counts above cover them all, and the CSV lists every
              row.
            </EuiCallOut>
          )}
          <CampaignRecipientsTable recipients={data.recipients} nameOf={nameOf} />
        </>
      )}
    </EuiPageTemplate.Section>
  );
}
