import { randomUUID } from 'node:crypto';
import type { KibanaRequest, OnPreAuthHandler, PluginInitializerContext } from '@kbn/core/server';
import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { ActionsService } from './actions/actions_service';
import { AlertingService } from './alerting/alerting_service';
import { installBuiltinLogsTemplate } from './elasticsearch/builtin_logs_template';
import { ElasticsearchService } from './elasticsearch/elasticsearch_service';
import { FeaturesService } from './features/features_service';
import type { HostedPlugin, PluginInstance } from './host_plugin';
import { HostHttpServer, type PageHandler } from './http/host_http_server';
import { createHostRouter, type RegisteredRoute } from './http/host_router';
import { countIndexUser } from './index_users';
import { registerKbnModules } from './kbn_modules/register_kbn_modules';
import { createLogSink, createLoggerFactory, type LogSink } from './logging/host_logger';
import { EncryptedSavedObjectsService } from './saved_objects/encrypted_saved_objects_service';
import { SavedObjectsService } from './saved_objects/saved_objects_service';
import { FIXTURE_LOGINS, KIBANA_APPLICATION } from '../es/security_fixtures';
import { HostLicense } from './licensing/host_license';
import { HostAuthenticator, type HostLogin } from './security/authentication';
import { authenticationOf } from './security/request_authentication';
import { checkPrivileges, registerFeaturePrivileges } from './security/feature_privileges';
import { hostAuthc } from './security/security_service';
import { AdvancedSettings } from './ui_settings/advanced_settings';
import {
  DEFAULT_TASK_MANAGER_OPTIONS,
  TaskManagerService,
  type TaskManagerOptions,
} from './task_manager/task_manager_service';

export const HOST_KIBANA_VERSION = '9.5.3';

export interface KibanaHostOptions {
  esUrl: string;
  plugins: HostedPlugin[];
  /** kibana.yml, by config path: `{ exchange_message_trace: {...} }`. */
  config?: Record<string, unknown>;
  encryptionKey?: string;
  /** Whom the user switcher offers (users of the secured node); the fixtures' users when absent. */
  logins?: readonly HostLogin[];
  host?: string;
  port?: number;
  basePath?: string;
  taskManager?: Partial<TaskManagerOptions>;
  logLevel?: LogSink['threshold'];
  /**
   * Prefix of the host's own indices (saved objects, tasks); test hosts each get their own, or
   * share one as the nodes of one Kibana share `.kibana*`. It starts with `.kibana` so that
   * Kibana's internal user may manage them, as it does `.kibana*`.
   */
  indexPrefix?: string;
  /**
   * Test hosts leave nothing behind in a shared Elasticsearch: the last host of this process on
   * the indices deletes them when it stops.
   */
  deleteIndicesOnStop?: boolean;
  echoLogs?: boolean;
  /** Builds the page handler once setup is done, when the host knows the registered features. */
  pages?: (host: KibanaHost) => Promise<PageHandler>;
}

/**
 * Loads plugins the way Kibana does (initializer, setup, start, stop) over real parts: an HTTP
 * server enforcing the route contract, Elasticsearch, saved objects with encrypted attributes and
 * Task Manager's scheduling semantics. Development and tests only; never shipped.
 */
export class KibanaHost {
  readonly logSink: LogSink;
  readonly features = new FeaturesService();
  readonly elasticsearch: ElasticsearchService;
  readonly savedObjects: SavedObjectsService;
  readonly encryptedSavedObjects: EncryptedSavedObjectsService;
  readonly taskManager: TaskManagerService;
  readonly authenticator: HostAuthenticator;
  readonly license: HostLicense;
  readonly actions: ActionsService;
  readonly alerting: AlertingService;
  /** Advanced Settings as an admin saved them; tests set them before a page loads. */
  readonly advancedSettings = new AdvancedSettings();
  private readonly routes: RegisteredRoute[] = [];
  private readonly onPreAuth: OnPreAuthHandler[] = [];
  private readonly instances: PluginInstance[] = [];
  private http: HostHttpServer | undefined;
  private taskManagerContract: TaskManagerStartContract | undefined;
  private releaseIndices: (() => string[]) | undefined;
  /** server.uuid: each node of a Kibana has its own. */
  readonly uuid = randomUUID();
  url = '';

  constructor(private readonly options: KibanaHostOptions) {
    registerKbnModules();
    this.logSink = createLogSink(options.logLevel ?? 'info', (line) => {
      if (options.echoLogs) process.stdout.write(`${line}\n`);
    });
    const indexPrefix = options.indexPrefix ?? '.kibana-host';
    this.elasticsearch = new ElasticsearchService(options.esUrl);
    this.authenticator = new HostAuthenticator(this.elasticsearch.anonymousClient);
    this.savedObjects = new SavedObjectsService(
      this.elasticsearch.internalClient,
      `${indexPrefix}-saved-objects`,
      HOST_KIBANA_VERSION
    );
    this.encryptedSavedObjects = new EncryptedSavedObjectsService(
      options.encryptionKey,
      this.savedObjects
    );
    // Task Manager claims as `kibana:<server.uuid>`.
    // Kibana: x-pack/platform/plugins/shared/task_manager/server/plugin.ts @ 07670c19
    this.taskManager = new TaskManagerService(
      this.elasticsearch.internalClient,
      this.loggerFactory('taskManager').get(),
      {
        ...DEFAULT_TASK_MANAGER_OPTIONS,
        index: `${indexPrefix}-task-manager`,
        ...options.taskManager,
      },
      `kibana:${this.uuid}`
    );
    this.license = new HostLicense(this.elasticsearch.internalClient);
    this.actions = new ActionsService({
      savedObjects: this.savedObjects,
      encryptedSavedObjects: this.encryptedSavedObjects,
      license: this.license,
      hasPrivileges: async (request, requested) =>
        Object.values(await this.privilegesOf(request, requested)).every(Boolean),
      logger: this.loggerFactory('actions').get(),
    });
    this.alerting = new AlertingService({
      internal: this.elasticsearch.internalClient,
      clusterClient: () => this.elasticsearch.clusterClient(),
      savedObjects: this.savedObjects,
      encryptedSavedObjects: this.encryptedSavedObjects,
      actions: this.actions,
      license: this.license,
      features: () => this.features.registered(),
      privilegesOf: (request, requested) => this.privilegesOf(request, requested),
      logger: this.loggerFactory('alerting').get(),
      kibanaVersion: HOST_KIBANA_VERSION,
      kibanaBaseUrl: () => this.url || undefined,
    });
  }

  /** Which of `requested` Kibana privileges the request's caller holds, from Elasticsearch. */
  private async privilegesOf(request: KibanaRequest, requested: string[]) {
    const authorization = authenticationOf(request)?.authorization;
    if (!authorization) return Object.fromEntries(requested.map((action) => [action, false]));
    return checkPrivileges(
      this.elasticsearch.asCaller(authorization),
      KIBANA_APPLICATION,
      requested
    );
  }

  taskManagerStart(): TaskManagerStartContract {
    if (!this.taskManagerContract) throw new Error('The host has not started');
    return this.taskManagerContract;
  }

  get logins() {
    return this.options.logins ?? FIXTURE_LOGINS;
  }

  get basePath() {
    return this.options.basePath ?? '';
  }

  private loggerFactory(...context: string[]) {
    return createLoggerFactory(this.logSink, ['plugins', ...context].join('.'));
  }

  private initializerContext(plugin: HostedPlugin, config: unknown): PluginInitializerContext {
    return {
      opaqueId: Symbol(plugin.id),
      env: {
        mode: { name: 'development', dev: true, prod: false },
        packageInfo: {
          version: HOST_KIBANA_VERSION,
          branch: '9.5',
          buildNum: 0,
          buildSha: 'host',
          buildDate: new Date(),
          dist: false,
          buildFlavor: 'traditional',
        },
        instanceUuid: this.uuid,
        configs: [],
        airgapped: true,
      },
      logger: this.loggerFactory(plugin.id),
      config: {
        get: () => config,
        create: () => {
          throw new Error('config.create() is not used by this plugin; use config.get()');
        },
        legacy: {},
      },
    } as unknown as PluginInitializerContext;
  }

  async start(): Promise<this> {
    this.releaseIndices = countIndexUser([this.savedObjects.index, this.taskManager.index]);
    // Every real Elasticsearch has it before any plugin starts.
    await installBuiltinLogsTemplate(this.elasticsearch.internalClient);
    const ordered = this.options.plugins;
    const loaded = await Promise.all(
      ordered.map(async (plugin) => ({ plugin, module: await plugin.load() }))
    );
    const features = this.features.setup();
    const taskManager = this.taskManager.setup();
    const encryptedSavedObjects = this.encryptedSavedObjects.setup();
    const savedObjects = this.savedObjects.setup();
    // Kibana's actions and alerting plugins set up before any plugin that lists them.
    const setupContracts: Record<string, unknown> = {
      features,
      taskManager,
      encryptedSavedObjects,
      actions: this.actions.setup(
        savedObjects,
        encryptedSavedObjects,
        features,
        createHostRouter(this.routes)
      ),
      alerting: this.alerting.setup({
        savedObjects,
        encryptedSavedObjects,
        taskManager,
        router: createHostRouter(this.routes),
      }),
    };
    let resolveStart: (value: [unknown, unknown, unknown]) => void = () => undefined;
    const startServices = new Promise<[unknown, unknown, unknown]>(
      (resolve) => (resolveStart = resolve)
    );
    for (const { plugin, module } of loaded) {
      const raw = this.options.config?.[plugin.configPath];
      const config = module.config
        ? module.config.schema.validate(raw ?? {}, {}, plugin.configPath)
        : raw;
      const instance = (await module.plugin(
        this.initializerContext(plugin, config)
      )) as PluginInstance;
      const coreSetup = {
        http: {
          createRouter: () => createHostRouter(this.routes),
          registerOnPreAuth: (handler: OnPreAuthHandler) => void this.onPreAuth.push(handler),
          basePath: { serverBasePath: this.basePath, get: () => this.basePath },
        },
        savedObjects: this.savedObjects.setup(),
        getStartServices: () => startServices,
      };
      instance.setup(coreSetup, this.dependencies(plugin, setupContracts));
      this.instances.push(instance);
    }
    // The features plugin locks its registry at start; the security plugin, which starts after
    // it, registers the features' privileges with Elasticsearch.
    const featuresStart = this.features.start();
    await registerFeaturePrivileges(
      this.elasticsearch.internalClient,
      KIBANA_APPLICATION,
      this.features.registered()
    );
    const coreStart = {
      elasticsearch: { client: this.elasticsearch.clusterClient() },
      savedObjects: await this.savedObjects.start(),
      security: { authc: hostAuthc(this.elasticsearch.internalClient) },
    };
    this.taskManagerContract = await this.taskManager.start();
    const startContracts: Record<string, unknown> = {
      features: featuresStart,
      taskManager: this.taskManagerContract,
      encryptedSavedObjects: this.encryptedSavedObjects.start(),
      actions: this.actions.start(),
      alerting: this.alerting.start(this.taskManagerContract),
    };
    const pluginStarts = this.instances.map((instance, index) =>
      instance.start(coreStart, this.dependencies(ordered[index]!, startContracts))
    );
    resolveStart([coreStart, startContracts, pluginStarts[0]]);
    this.http = new HostHttpServer({
      host: this.options.host ?? '127.0.0.1',
      port: this.options.port ?? 0,
      basePath: this.basePath,
      pipeline: {
        routes: this.routes,
        onPreAuth: this.onPreAuth,
        authenticator: this.authenticator,
        privilegesOf: (authentication, requested) =>
          checkPrivileges(
            this.elasticsearch.asCaller(authentication.authorization),
            KIBANA_APPLICATION,
            requested
          ),
        logger: this.loggerFactory('http').get(),
        createContext: (request: KibanaRequest) =>
          ({
            core: Promise.resolve({
              elasticsearch: { client: coreStart.elasticsearch.client.asScoped(request) },
              savedObjects: { client: coreStart.savedObjects.getScopedClient(request) },
            }),
          }) as never,
      },
      pages: this.options.pages ? await this.options.pages(this) : undefined,
    });
    this.url = await this.http.listen();
    return this;
  }

  /** Like Kibana, a plugin whose required plugin is absent does not start. */
  private dependencies(plugin: HostedPlugin, contracts: Record<string, unknown>) {
    const missing = plugin.requiredPlugins.filter((id) => contracts[id] === undefined);
    if (missing.length > 0) {
      throw new Error(
        `Plugin "${plugin.id}" requires plugins that are not available: ${missing.join(', ')}`
      );
    }
    return Object.fromEntries(
      [...plugin.requiredPlugins, ...plugin.optionalPlugins]
        .filter((id) => contracts[id] !== undefined)
        .map((id) => [id, contracts[id]])
    );
  }

  async stop() {
    await this.http?.close();
    for (const instance of [...this.instances].reverse()) await instance.stop?.();
    await this.taskManager.stop();
    const unused = this.releaseIndices?.() ?? [];
    if (this.options.deleteIndicesOnStop && unused.length > 0) {
      await this.elasticsearch.internalClient.indices.delete({
        index: unused,
        ignore_unavailable: true,
      });
    }
    await this.elasticsearch.close();
  }
}
