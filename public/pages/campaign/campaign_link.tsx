import { useLocation } from 'react-router-dom';
import { EuiButtonIcon, EuiToolTip } from '@elastic/eui';
import { useInAppLink } from '../../hooks/use_in_app_link';
import { campaignLocation, type CampaignCriterionValue } from './campaign_state';

/** "Who else got this?": the campaign page for a criterion, over this page's time range. */
export function CampaignLink({
  criterion,
  'data-test-subj': testSubj,
}: {
  criterion: CampaignCriterionValue;
  'data-test-subj'?: string;
}) {
  const { search } = useLocation();
  const link = useInAppLink();
  return (
    <EuiToolTip content="Who else got this? (every connection)">
      <EuiButtonIcon
        iconType="users"
        size="xs"
        aria-label={`Who else got mail with ${criterion.value}`}
        {...link(campaignLocation(search, criterion))}
        data-test-subj={testSubj}
      />
    </EuiToolTip>
  );
}
