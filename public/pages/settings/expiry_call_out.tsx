import { EuiCallOut, EuiSpacer } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { daysUntilExpiry, EXPIRY_WARNING_DAYS, isExpiringSoon } from './expiry_badge';

function describe(connection: ConnectionView, now: number): string {
  const days = daysUntilExpiry(connection, now)!;
  const credential = connection.settings.authMethod === 'secret' ? 'client secret' : 'certificate';
  if (days < 0) return `${connection.settings.name}: the ${credential} has expired.`;
  if (days === 0) return `${connection.settings.name}: the ${credential} expires today.`;
  return `${connection.settings.name}: the ${credential} expires in ${days} day${days === 1 ? '' : 's'}.`;
}

/** Names the connections whose credential expires within the warning period (or has expired). */
export function ExpiryCallOut({
  connections,
  now,
}: {
  connections: ConnectionView[];
  now: number;
}) {
  const expiring = connections.filter((connection) => isExpiringSoon(connection, now));
  if (expiring.length === 0) return null;
  const expired = expiring.some((connection) => daysUntilExpiry(connection, now)! < 0);
  return (
    <>
      <EuiCallOut
        color={expired ? 'danger' : 'warning'}
        iconType="clock"
        title={`Credentials to rotate within ${EXPIRY_WARNING_DAYS} days`}
        data-test-subj="emtExpiryWarning"
      >
        <p>
          Create a new secret or certificate for the app in Microsoft Entra, then replace it on the
          connection (edit, then Replace).
        </p>
        <ul>
          {expiring.map((connection) => (
            <li key={connection.id}>{describe(connection, now)}</li>
          ))}
        </ul>
      </EuiCallOut>
      <EuiSpacer size="m" />
    </>
  );
}
