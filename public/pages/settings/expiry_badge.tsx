import { EuiBadge, EuiToolTip } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { useFormatDate } from '../../components/app_services';
import { DAY_MS } from '../../../common/time';

/** Microsoft sends no reminder; the page warns this long before a secret or certificate expires. */
export const EXPIRY_WARNING_DAYS = 30;

/** Whole days until the credential expires (negative once expired), or undefined if unknown. */
export function daysUntilExpiry(connection: ConnectionView, now: number): number | undefined {
  const expiresAt = connection.settings.credentialExpiresAt;
  return expiresAt === undefined ? undefined : Math.floor((Date.parse(expiresAt) - now) / DAY_MS);
}

export function isExpiringSoon(connection: ConnectionView, now: number): boolean {
  const days = daysUntilExpiry(connection, now);
  return days !== undefined && days < EXPIRY_WARNING_DAYS;
}

function describe(days: number): { color: 'danger' | 'warning' | 'hollow'; text: string } {
  if (days < 0) return { color: 'danger', text: 'Expired' };
  if (days === 0) return { color: 'danger', text: 'Expires today' };
  const text = `${days} day${days === 1 ? '' : 's'} left`;
  return { color: days < EXPIRY_WARNING_DAYS ? 'warning' : 'hollow', text };
}

/** The countdown to the client secret's or certificate's expiry. */
export function ExpiryBadge({ connection, now }: { connection: ConnectionView; now: number }) {
  const formatDate = useFormatDate();
  const days = daysUntilExpiry(connection, now);
  const testSubj = `emtExpiry-${connection.id}`;
  if (days === undefined) {
    return (
      <EuiToolTip content="Set the expiry date on the connection to get a countdown">
        <EuiBadge color="hollow" tabIndex={0} data-test-subj={testSubj} data-days="">
          Not set
        </EuiBadge>
      </EuiToolTip>
    );
  }
  const { color, text } = describe(days);
  const credential = connection.settings.authMethod === 'secret' ? 'client secret' : 'certificate';
  return (
    <EuiToolTip
      content={`The ${credential} expires ${formatDate(connection.settings.credentialExpiresAt!)}`}
    >
      <EuiBadge
        color={color}
        iconType={color === 'hollow' ? undefined : 'warning'}
        tabIndex={0}
        data-test-subj={testSubj}
        data-days={days}
      >
        {text}
      </EuiBadge>
    </EuiToolTip>
  );
}
