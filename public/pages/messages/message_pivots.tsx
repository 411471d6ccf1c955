import { useLocation } from 'react-router-dom';
import {
  EuiButtonIcon,
  EuiCopy,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiToolTip,
} from '@elastic/eui';
import type { CampaignCriterion } from '../../../common/http_api/campaign';
import { viewScopeSearch } from '../../components/view_filters/use_view_scope';
import { useInAppLink } from '../../hooks/use_in_app_link';
import { CampaignLink } from '../campaign/campaign_link';

/** What a value of a message pivots to: the messages page's search field, and the campaign's. */
export interface Pivot {
  value: string;
  /** Messages like this: the messages page searched by this field. */
  field: 'sender' | 'recipient' | 'subject' | 'messageId' | 'ip';
  /** Who else got this: the campaign page by this criterion. */
  campaign?: CampaignCriterion;
}

/**
 * A value of the message as a link to the messages like it (this page's time range and sources),
 * with a copy button and, for what a campaign shares, a link to who else got it.
 */
export function PivotValue({ pivot }: { pivot: Pivot }) {
  const { search } = useLocation();
  const link = useInAppLink();
  const messages = {
    pathname: '/messages',
    search: viewScopeSearch(search, { [pivot.field]: pivot.value }),
  };
  const subj = `${pivot.field}-${pivot.value}`;
  return (
    <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false} wrap={false}>
      <EuiFlexItem grow={false} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        <EuiToolTip content="Messages like this">
          <EuiLink {...link(messages)} data-test-subj={`emtPivot-${subj}`}>
            {pivot.value}
          </EuiLink>
        </EuiToolTip>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiCopy textToCopy={pivot.value}>
          {(copy) => (
            <EuiButtonIcon
              iconType="copyClipboard"
              size="xs"
              onClick={copy}
              aria-label={`Copy ${pivot.value}`}
              data-test-subj={`emtCopy-${subj}`}
            />
          )}
        </EuiCopy>
      </EuiFlexItem>
      {pivot.campaign && (
        <EuiFlexItem grow={false}>
          <CampaignLink
            criterion={{ by: pivot.campaign, value: pivot.value }}
            data-test-subj={`emtCampaignLink-${subj}`}
          />
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}
