import { useEffect, useRef } from 'react';
import { useHistory } from 'react-router-dom';
import { EuiCallOut, EuiLink, EuiSpacer, EuiText, EuiToolTip } from '@elastic/eui';
import moment from 'moment-timezone';
import { REAUTHORIZE_ERROR_KIND, type ConnectionView } from '../../common/http_api/connections';
import { lastErrorInWords } from '../../common/last_error_words';
import { useConnections } from '../hooks/use_connections';
import { connectionHealth } from '../pages/settings/health_badges';
import { humanDuration } from '../pages/settings/format';
import { useAppServices } from './app_services';
import type { ViewScopeControls } from './view_filters/use_view_scope';

/** Elasticsearch refused the writer's key, or there is none: a new one mends it. */
export function needsReauthorization({ authorization, status }: ConnectionView) {
  return authorization.state === 'missing' || status.lastError?.kind === REAUTHORIZE_ERROR_KIND;
}

/** The enabled connections a view reads: the chosen ones and namespaces, or all of them. */
export function connectionsInScope(
  connections: ConnectionView[],
  { connectionIds, namespaces }: { connectionIds: string[]; namespaces: string[] }
) {
  const all = connectionIds.length === 0 && namespaces.length === 0;
  return connections.filter(
    (connection) =>
      connection.settings.enabled &&
      (all ||
        connectionIds.includes(connection.id) ||
        namespaces.includes(connection.settings.namespace))
  );
}

const needsAttention = (connection: ConnectionView) =>
  needsReauthorization(connection) || connectionHealth(connection).label === 'Failing';

function problemOf(connection: ConnectionView) {
  if (connection.status.lastError) return lastErrorInWords(connection.status.lastError).happened;
  return 'It has no API key to write with and needs re-authorisation.';
}

/** "as of 01:13, 2 minutes behind": the least collected connection bounds what a view can show. */
export function freshnessText(
  inScope: ConnectionView[],
  now: number,
  timeZone?: string
): string | undefined {
  const until = inScope.flatMap(({ status }) =>
    status.collectedUntil ? [Date.parse(status.collectedUntil)] : []
  );
  if (until.length === 0) return undefined;
  const oldest = Math.min(...until);
  const asOf = timeZone ? moment(oldest).tz(timeZone) : moment(oldest);
  return `Data as of ${asOf.format('HH:mm')}, ${humanDuration(Math.max(0, now - oldest))} behind`;
}

/**
 * Above every view: how fresh its data is, and a warning, with the way to Settings, while a
 * connection it reads from is failing: a view that looks normal while collection fails misleads.
 * Reloads with the view's Refresh (a new scope).
 */
export function CollectionHealth({ controls }: { controls: ViewScopeControls }) {
  const { api, formatDate } = useAppServices();
  const history = useHistory();
  const { connections, refresh } = useConnections(api);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) refresh();
    mounted.current = true;
  }, [controls.scope, refresh]);
  if (!connections) return null;
  const now = Date.now();
  const inScope = connectionsInScope(connections, controls.state);
  const failing = inScope.filter(needsAttention);
  const freshness = freshnessText(inScope, now, formatDate.timeZone);
  const settingsHref = history.createHref({ pathname: '/settings' });
  return (
    <>
      {freshness && (
        <EuiText size="xs" color="subdued" data-test-subj="emtFreshness">
          <EuiToolTip content="Everything Microsoft received before this time is collected, for every connection in view">
            <span tabIndex={0}>{freshness}</span>
          </EuiToolTip>
        </EuiText>
      )}
      {failing.length > 0 && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            color="warning"
            iconType="warning"
            size="s"
            title={
              failing.length === 1
                ? `Collection is failing for ${failing[0]!.settings.name}: this view may miss recent messages`
                : `Collection is failing for ${failing.length} connections: this view may miss recent messages`
            }
            data-test-subj="emtCollectionWarning"
          >
            <ul>
              {failing.map((connection) => (
                <li key={connection.id} data-test-subj={`emtCollectionProblem-${connection.id}`}>
                  <strong>{connection.settings.name}</strong>: {problemOf(connection)}
                  {connection.status.lastError &&
                    ` (since ${formatDate(connection.status.lastError.at)})`}
                </li>
              ))}
            </ul>
            <EuiLink
              href={settingsHref}
              onClick={(event: React.MouseEvent) => {
                event.preventDefault();
                history.push('/settings');
              }}
              data-test-subj="emtCollectionWarningSettings"
            >
              Fix it in Settings
            </EuiLink>
          </EuiCallOut>
        </>
      )}
    </>
  );
}
