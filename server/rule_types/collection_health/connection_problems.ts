import type { CollectionHealthParams } from '../../../common/alerting/rule_params';
import { appPath } from '../../../common/alerting/app_links';
import { durationText } from '../../../common/duration_text';
import type { ConnectionView } from '../../../common/http_api/connections';
import { errorDetailsText, lastErrorInWords } from '../../../common/last_error_words';
import { DAY_MS, MINUTE_MS } from '../../../common/time';

export const CONNECTION_PROBLEMS = [
  'signInRefused',
  'servicePrincipalMissing',
  'throttled',
  'lagging',
  'credentialExpiring',
] as const;
export type ConnectionProblem = (typeof CONNECTION_PROBLEMS)[number];

/** The last error kinds (collect task) that are the connection failing outright. */
const FAILING: Partial<Record<string, ConnectionProblem>> = {
  authentication: 'signInRefused',
  servicePrincipalMissing: 'servicePrincipalMissing',
};

/** One problem of a connection, in words. */
interface ProblemFound {
  problem: ConnectionProblem;
  /** What is wrong and what to do, in words. */
  happened: string;
  toDo: string;
  /** Microsoft's or Elasticsearch's own words, when the problem is an error. */
  errorMessage?: string;
  lastSuccessAt?: string;
  collectedUntil?: string;
  credentialExpiresAt?: string;
}

export interface CollectionHealthContext extends ProblemFound {
  [key: string]: unknown;
  connectionId: string;
  connectionName: string;
  tenantId: string;
  /** The settings page, relative to Kibana's base URL. */
  viewPath: string;
}

export interface ConnectionAlert {
  id: string;
  context: CollectionHealthContext;
}

/** One alert per connection and problem: fixing one problem recovers its alert alone. */
export const connectionAlertId = (connectionId: string, problem: ConnectionProblem) =>
  `${connectionId}:${problem}`;

function problemsOf(
  connection: ConnectionView,
  params: CollectionHealthParams,
  nowMs: number
): ProblemFound[] {
  const { status, settings } = connection;
  const found: ProblemFound[] = [];
  const error = status.lastError;
  const since = status.lastSuccessAt ?? connection.createdAt;
  const sinceMs = nowMs - Date.parse(since);
  const known = {
    ...(status.lastSuccessAt ? { lastSuccessAt: status.lastSuccessAt } : {}),
    ...(status.collectedUntil ? { collectedUntil: status.collectedUntil } : {}),
  };
  const failing = error && FAILING[error.kind];
  if (error && failing) {
    found.push({
      problem: failing,
      ...lastErrorInWords(error),
      errorMessage: errorDetailsText(error),
      ...known,
    });
  }
  if (error?.kind === 'throttled' && sinceMs > params.throttledMinutes * MINUTE_MS) {
    found.push({
      problem: 'throttled',
      happened: `Microsoft Graph has throttled collection with no successful run for ${durationText(sinceMs)}.`,
      toDo: 'Lower the request budget of the connections on this tenant, or wait: collection resumes when Microsoft allows.',
      errorMessage: errorDetailsText(error),
      ...known,
    });
  }
  const lagMs = nowMs - Date.parse(status.collectedUntil ?? connection.createdAt);
  if (lagMs > params.lagMinutes * MINUTE_MS) {
    found.push({
      problem: 'lagging',
      happened: status.collectedUntil
        ? `Collection is ${durationText(lagMs)} behind: the newest message traces read were received at ${status.collectedUntil}.`
        : `Nothing has been collected since the connection was created ${durationText(lagMs)} ago.`,
      toDo: 'Open the connection on the settings page: its last error says why, and Run now tries again.',
      ...known,
    });
  }
  const expiresAt = settings.credentialExpiresAt;
  const leftMs = expiresAt ? Date.parse(expiresAt) - nowMs : Number.POSITIVE_INFINITY;
  if (expiresAt && leftMs <= params.expiryDays * DAY_MS) {
    const credential = settings.authMethod === 'certificate' ? 'certificate' : 'client secret';
    found.push({
      problem: 'credentialExpiring',
      happened:
        leftMs > 0
          ? `The ${credential} expires in ${durationText(leftMs)}, at ${expiresAt}.`
          : `The ${credential} expired at ${expiresAt}.`,
      toDo: `Add a new ${credential} to the app in Microsoft Entra, then edit the connection and enter it.`,
      credentialExpiresAt: expiresAt,
      ...known,
    });
  }
  return found;
}

/**
 * The problems of every enabled connection the rule checks (all of them unless it names some); a
 * disabled one is not expected to collect.
 */
export function connectionAlertsOf(
  connections: readonly ConnectionView[],
  params: CollectionHealthParams,
  nowMs: number,
  pathInSpace: (path: string) => string
): ConnectionAlert[] {
  const checked = (id: string) =>
    !params.connectionIds?.length || params.connectionIds.includes(id);
  return connections
    .filter((connection) => connection.settings.enabled && checked(connection.id))
    .flatMap((connection) =>
      problemsOf(connection, params, nowMs).map((found) => ({
        id: connectionAlertId(connection.id, found.problem),
        context: {
          connectionId: connection.id,
          connectionName: connection.settings.name,
          tenantId: connection.settings.tenantId,
          ...found,
          viewPath: pathInSpace(appPath('settings')),
        },
      }))
    );
}

export const connectionAlertReason = (context: CollectionHealthContext) =>
  `${context.connectionName}: ${context.happened}`;
