import type {
  ElasticsearchClient,
  KibanaRequest,
  Logger,
  SecurityServiceStart,
} from '@kbn/core/server';
import type {
  ConcreteTaskInstance,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import {
  connectionSettingsCodec,
  type ConnectionSecrets,
  type ConnectionSettings,
} from '../../common/connection';
import type {
  BackfillRequest,
  ConnectionView,
  CreateConnectionRequest,
  RunNowResponse,
  UpdateConnectionRequest,
} from '../../common/http_api/connections';
import { backfillRangeProblems } from '../lib/collector/backfill_range';
import type { Clock } from '../lib/collector/clock';
import type { ConnectionAttributes } from '../saved_objects/connection_type';
import {
  collectTaskId,
  isTaskRunning,
  lostRunDeadline,
  removeCollectTask,
  syncCollectTask,
} from '../tasks/collect_task';
import {
  ConnectionConflictError,
  InvalidConnectionRequestError,
  isNotFoundError,
} from './connection_errors';
import type { ConnectionRecord, ConnectionStore } from './connection_store';
import { connectionView } from './connection_view';
import { withPastedCertificate } from './pasted_certificate';
import type { ApiKeysAvailability } from './api_keys_availability';
import { grantWriterApiKey, invalidateWriterApiKey, type WriterApiKey } from './writer_api_key';

export interface ConnectionServiceDeps {
  connections: ConnectionStore;
  taskManager: TaskManagerStartContract;
  authc: SecurityServiceStart['authc'];
  apiKeys: ApiKeysAvailability;
  /** The caller's own Elasticsearch client: their privileges are checked before a key is granted. */
  asCurrentUser(request: KibanaRequest): ElasticsearchClient;
  clock: Clock;
  dataset: string;
  logger: Logger;
}

const SETTINGS_KEYS = connectionSettingsCodec.types.flatMap((codec) =>
  Object.keys(codec.props)
) as Array<keyof ConnectionSettings>;

const SECRET_OF = { secret: 'clientSecret', certificate: 'certificatePrivateKey' } as const;

/** The settings of a request, without secrets or anything else it carried. */
function settingsOf(body: CreateConnectionRequest): ConnectionSettings {
  return Object.fromEntries(
    SETTINGS_KEYS.filter((key) => body[key] !== undefined).map((key) => [key, body[key]])
  ) as ConnectionSettings;
}

/**
 * The one secret the auth method uses: as given, else (same method) the stored one. A connection
 * keeps no secret it does not use, so switching the method needs the new method's secret.
 */
function secretFor(
  settings: ConnectionSettings,
  given: ConnectionSecrets,
  stored?: ConnectionAttributes
): ConnectionSecrets {
  const key = SECRET_OF[settings.authMethod];
  const kept = stored?.authMethod === settings.authMethod ? stored[key] : undefined;
  const value = given[key] ?? kept;
  if (!value) {
    const when =
      stored && stored.authMethod !== settings.authMethod
        ? 'when switching authMethod to'
        : 'when authMethod is';
    throw new InvalidConnectionRequestError(`${key}: is required ${when} ${settings.authMethod}`);
  }
  return { [key]: value };
}

/** The settings to store and the secret they use (see secretFor, withPastedCertificate). */
function credentialsOf(
  body: CreateConnectionRequest | UpdateConnectionRequest,
  stored?: ConnectionAttributes
) {
  const given = settingsOf(body);
  const secrets = secretFor(given, body, stored);
  return { settings: withPastedCertificate(given, secrets), secrets };
}

/** The settings page's operations: saved connections and their collection tasks, kept in step. */
export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  /** The user a save or re-authorisation by this request grants the writer key as. */
  username(request: KibanaRequest) {
    return this.deps.authc.getCurrentUser(request)?.username;
  }

  private async task(connectionId: string): Promise<ConcreteTaskInstance | undefined> {
    try {
      return await this.deps.taskManager.get(collectTaskId(connectionId));
    } catch (error) {
      if (isNotFoundError(error)) return undefined;
      throw error;
    }
  }

  /** Granted for the user making this change; undefined where Elasticsearch security is off. */
  private async grantKey(
    request: KibanaRequest,
    connection: { id: string; name: string }
  ): Promise<WriterApiKey | undefined> {
    return grantWriterApiKey(
      this.deps.authc,
      this.deps.asCurrentUser(request),
      request,
      connection,
      this.deps.dataset,
      new Date(this.deps.clock.now())
    );
  }

  private invalidateKey(apiKeyId: string | undefined) {
    return invalidateWriterApiKey(this.deps.authc, apiKeyId, this.deps.logger);
  }

  async get(request: KibanaRequest, id: string): Promise<ConnectionView> {
    const [record, task, apiKeysEnabled] = await Promise.all([
      this.deps.connections.get(request, id),
      this.task(id),
      this.deps.apiKeys.enabled(),
    ]);
    return connectionView(record, task, apiKeysEnabled, this.deps.clock.now());
  }

  async list(request: KibanaRequest): Promise<ConnectionView[]> {
    return this.viewsOf(this.deps.connections.list(request));
  }

  /** Every connection as the settings page shows it, for the collection-health rule. */
  async listAll(): Promise<ConnectionView[]> {
    return this.viewsOf(this.deps.connections.listAll());
  }

  private async viewsOf(listed: Promise<ConnectionRecord[]>): Promise<ConnectionView[]> {
    const [records, apiKeysEnabled] = await Promise.all([listed, this.deps.apiKeys.enabled()]);
    return Promise.all(
      records.map(async (record) =>
        connectionView(record, await this.task(record.id), apiKeysEnabled, this.deps.clock.now())
      )
    );
  }

  /** A connection whose task cannot be scheduled is not kept: it would never collect. */
  async create(request: KibanaRequest, body: CreateConnectionRequest): Promise<ConnectionView> {
    this.deps.connections.assertCanEncrypt();
    const { settings, secrets } = credentialsOf(body);
    const now = new Date(this.deps.clock.now()).toISOString();
    const username = this.username(request);
    const key = await this.grantKey(request, { id: 'new', name: settings.name });
    let id: string | undefined;
    try {
      id = await this.deps.connections.create(request, {
        ...settings,
        ...secrets,
        ...key,
        createdAt: now,
        updatedAt: now,
        ...(username ? { createdBy: username, updatedBy: username } : {}),
      });
      await syncCollectTask(this.deps.taskManager, id, settings);
    } catch (error) {
      if (id) await this.deps.connections.delete(request, id);
      await this.invalidateKey(key?.apiKeyId);
      throw error;
    }
    return this.get(request, id);
  }

  /** A new tenant starts collection over; a pending backfill was for the old one and is dropped. */
  async update(
    request: KibanaRequest,
    id: string,
    body: UpdateConnectionRequest
  ): Promise<ConnectionView> {
    this.deps.connections.assertCanEncrypt();
    const { attributes: stored, version } = await this.deps.connections.getDecrypted(id);
    const { settings, secrets } = credentialsOf(body, stored);
    const tenantChanged = settings.tenantId !== stored.tenantId;
    const username = this.username(request);
    const key = await this.grantKey(request, { id, name: settings.name });
    try {
      await this.deps.connections.replace(
        request,
        id,
        {
          ...settings,
          ...secrets,
          ...key,
          createdAt: stored.createdAt,
          updatedAt: new Date(this.deps.clock.now()).toISOString(),
          ...(stored.createdBy ? { createdBy: stored.createdBy } : {}),
          ...(username ? { updatedBy: username } : {}),
          ...(stored.backfill && !tenantChanged ? { backfill: stored.backfill } : {}),
        },
        version
      );
    } catch (error) {
      await this.invalidateKey(key?.apiKeyId);
      throw error;
    }
    await this.invalidateKey(stored.apiKeyId);
    await syncCollectTask(this.deps.taskManager, id, settings, { startOver: tenantChanged });
    return this.get(request, id);
  }

  /** The saved object goes first: a task left behind deletes itself when it finds no connection. */
  async delete(request: KibanaRequest, id: string): Promise<void> {
    const { attributes } = await this.deps.connections.getDecrypted(id);
    await this.deps.connections.delete(request, id);
    await removeCollectTask(this.deps.taskManager, id);
    await this.invalidateKey(attributes.apiKeyId);
  }

  /**
   * A new API key for the caller replaces the stored one (missing, expired, invalidated or short
   * of a privilege); collection resumes from its checkpoint at once.
   */
  async authorize(request: KibanaRequest, id: string): Promise<ConnectionView> {
    this.deps.connections.assertCanEncrypt();
    const { attributes, version } = await this.deps.connections.getDecrypted(id);
    const key = await this.grantKey(request, { id, name: attributes.name });
    if (!key) {
      throw new InvalidConnectionRequestError(
        'Elasticsearch security is off: collection writes as Kibana and needs no API key'
      );
    }
    try {
      await this.deps.connections.replace(request, id, { ...attributes, ...key }, version);
    } catch (error) {
      await this.invalidateKey(key.apiKeyId);
      throw error;
    }
    await this.invalidateKey(attributes.apiKeyId);
    const task = await this.task(id);
    if (attributes.enabled && task && task.enabled !== false && !isTaskRunning(task)) {
      await this.runSoon(id);
    }
    return this.get(request, id);
  }

  async runNow(request: KibanaRequest, id: string): Promise<RunNowResponse> {
    const { settings } = await this.deps.connections.get(request, id);
    if (!settings.enabled) {
      throw new ConnectionConflictError('The connection is disabled: enable it to run it');
    }
    const taskId = collectTaskId(id);
    const task = await this.task(id);
    if (task && isTaskRunning(task)) {
      if (lostRunDeadline(task, this.deps.clock.now()) === undefined) throw runInProgress();
      // The run lost its result: Task Manager would wait for retryAt, forcing runs it now.
      if (!(await this.runSoon(id, true))) throw runInProgress();
      return { id: taskId };
    }
    if (!task || task.enabled === false) {
      // Enabling (or recreating) the task runs it at once.
      await syncCollectTask(this.deps.taskManager, id, settings);
      return { id: taskId };
    }
    if (!(await this.runSoon(id))) throw runInProgress();
    return { id: taskId };
  }

  /**
   * False when a run is in progress: Task Manager refuses runSoon then, and a forced one while
   * this node runs the task.
   */
  private async runSoon(id: string, force = false): Promise<boolean> {
    try {
      await this.deps.taskManager.runSoon(collectTaskId(id), force);
      return true;
    } catch (error) {
      const task = await this.task(id);
      if (task && isTaskRunning(task)) return false;
      throw error;
    }
  }

  /**
   * Records the request on the connection for the task to pick up, and runs the task soon. While
   * a run is in progress the backfill starts with the next one.
   */
  async backfill(
    request: KibanaRequest,
    id: string,
    body: BackfillRequest
  ): Promise<ConnectionView> {
    const now = this.deps.clock.now();
    const start = Date.parse(body.start);
    const end = Date.parse(body.end);
    const problems = backfillRangeProblems(start, end, now);
    if (problems.length > 0) throw new InvalidConnectionRequestError(problems.join('; '));
    const { attributes, version } = await this.deps.connections.getDecrypted(id);
    const requested = {
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      requestedAt: new Date(now).toISOString(),
    };
    await this.deps.connections.replace(
      request,
      id,
      { ...attributes, backfill: requested },
      version
    );
    const task = await this.task(id);
    if (attributes.enabled && task && task.enabled !== false && !isTaskRunning(task)) {
      await this.runSoon(id);
    }
    return this.get(request, id);
  }
}

const runInProgress = () =>
  new ConnectionConflictError('A run of this connection is in progress: wait for it to finish');
