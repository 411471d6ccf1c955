import * as t from 'io-ts';
import { INTERNAL_API_BASE } from '../constants';
import {
  authMethodCodec,
  connectionSecretsCodec,
  connectionIdCodec,
  connectionSettingsCodec,
  guidCodec,
  tenantIdCodec,
  thumbprintCodec,
  type ConnectionSettings,
} from '../connection';
import type { ConnectionStatus } from '../connection_status';
import { isoDate } from './view_codecs';

/**
 * The settings page's API. Secrets go in (create, update, test) and never come out: a view says
 * only whether each one is set.
 *
 *   GET    CONNECTIONS_API_PATH                  → ListConnectionsResponse
 *   POST   CONNECTIONS_API_PATH                  CreateConnectionRequest → ConnectionView
 *   GET    connectionPath(id)                    → ConnectionView
 *   PUT    connectionPath(id)                    UpdateConnectionRequest → ConnectionView
 *   DELETE connectionPath(id)                    → 204
 *   POST   connectionPath(id, '_run')            → RunNowResponse (409 while a run is in progress)
 *   POST   connectionPath(id, '_backfill')       BackfillRequest → ConnectionView
 *   POST   connectionPath(id, '_authorize')      → ConnectionView (a new API key for the caller)
 *   POST   TEST_CONNECTION_API_PATH              TestConnectionRequest → TestConnectionResponse
 *   POST   DISCOVER_DOMAINS_API_PATH             TestConnectionRequest → DiscoverDomainsResponse
 */
export const CONNECTIONS_API_PATH = `${INTERNAL_API_BASE}/connections`;
export const TEST_CONNECTION_API_PATH = `${CONNECTIONS_API_PATH}/_test`;
export const DISCOVER_DOMAINS_API_PATH = `${CONNECTIONS_API_PATH}/_discover_domains`;

export const connectionPath = (id: string, action?: '_run' | '_backfill' | '_authorize') =>
  `${CONNECTIONS_API_PATH}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const connectionIdParamsCodec = t.type({ id: connectionIdCodec });

/** Create: every setting, and the secret the auth method needs (checked by the route). */
export const createConnectionRequestCodec = t.intersection([
  connectionSettingsCodec,
  connectionSecretsCodec,
]);
export type CreateConnectionRequest = t.TypeOf<typeof createConnectionRequestCodec>;

/** Update: every setting; a secret left out keeps the stored one. */
export const updateConnectionRequestCodec = createConnectionRequestCodec;
export type UpdateConnectionRequest = CreateConnectionRequest;

/** Re-read a past range (within Microsoft's 90 days), beside the regular schedule. */
export const backfillRequestCodec = t.type({ start: isoDate, end: isoDate });
export type BackfillRequest = t.TypeOf<typeof backfillRequestCodec>;

/**
 * Test a connection before or after saving it. When editing, `connectionId` lets a test use the
 * stored secret: a secret left out of `secrets` is taken from that connection.
 */
export const testConnectionRequestCodec = t.intersection([
  t.type({
    tenantId: tenantIdCodec,
    clientId: guidCodec,
    authMethod: authMethodCodec,
    secrets: connectionSecretsCodec,
  }),
  t.partial({ connectionId: connectionIdCodec, certificateThumbprint: thumbprintCodec }),
]);
export type TestConnectionRequest = t.TypeOf<typeof testConnectionRequestCodec>;

export type TestStepId = 'token' | 'permission' | 'servicePrincipal' | 'query';
export type TestStepOutcome = 'passed' | 'failed' | 'warning' | 'skipped';

export interface TestStep {
  id: TestStepId;
  title: string;
  outcome: TestStepOutcome;
  /** What happened, e.g. "Signed in as the app" or Microsoft's own error text (never a secret). */
  message: string;
  durationMs?: number;
  /** Microsoft's error code when there is one, e.g. AADSTS7000215 or HTTP 403. */
  code?: string;
  /** For a failure: the likely cause and the fix, in plain words. */
  cause?: string;
  fix?: string;
  /** A command that fixes it, shown copyable (e.g. creating a service principal). */
  command?: string;
}

export interface TestConnectionResponse {
  ok: boolean;
  steps: TestStep[];
}

export type DiscoverDomainsResponse =
  | { available: true; domains: string[] }
  | { available: false; reason: string };

/** A backfill's progress, as the task reports it. */
export interface BackfillProgress {
  start: string;
  end: string;
  requestedAt: string;
  /** Everything received before this has been read; equals `end` when done. */
  readUntil: string;
  documents: number;
  done: boolean;
  finishedAt?: string;
}

export type TaskHealth = 'idle' | 'running' | 'failed' | 'disabled' | 'missing';

/**
 * The credentials collection writes with. In a secured cluster an API key granted for the user who
 * last saved or re-authorised the connection; `missing` asks for re-authorisation. `internal`:
 * Elasticsearch security is off, Kibana's own user writes.
 */
export type WriterAuthorization =
  | { state: 'granted'; grantedBy: string; grantedAt: string }
  | { state: 'missing' }
  | { state: 'internal' };

/** The last error's kind when Elasticsearch refused the writer's credentials. */
export const REAUTHORIZE_ERROR_KIND = 'reauthorize';

/** The last error's kind when the run failed because Elasticsearch could not be reached. */
export const ELASTICSEARCH_UNREACHABLE_ERROR_KIND = 'elasticsearchUnreachable';

export interface ConnectionView {
  id: string;
  settings: ConnectionSettings;
  /** Whether each secret is stored; the values never leave the server. */
  secrets: { clientSecret: boolean; certificatePrivateKey: boolean };
  createdAt: string;
  updatedAt: string;
  createdBy?: string;
  updatedBy?: string;
  status: ConnectionStatus;
  task: { health: TaskHealth; nextRunAt?: string };
  backfill?: BackfillProgress;
  authorization: WriterAuthorization;
}

export interface ListConnectionsResponse {
  connections: ConnectionView[];
  /** Who is asking: a re-authorisation by them grants the writer key as this user. */
  username?: string;
}

export interface RunNowResponse {
  id: string;
}
