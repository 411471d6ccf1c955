import { readFileSync } from 'node:fs';
import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import type { ExchangeMessageTraceConfig } from '.';
import { buildKibanaFeature } from './feature';
import { systemClock } from './lib/collector/clock';
import { LatestStatusCache } from './lib/views/latest_status_slices';
import {
  GEOIP_PIPELINE_NAME,
  installGeoIpPipeline,
  NO_PIPELINE,
} from './lib/data_stream/geoip_pipeline';
import { installTemplates } from './lib/data_stream/templates';
import { NamespaceTemplates } from './lib/data_stream/namespace_templates';
import { endpointsWithOverrides } from './lib/graph/graph_hosts';
import { uploadLimitsOf } from './lib/files/upload_limits';
import { registerRoutes } from './routes';
import { registerRuleTypes } from './rule_types';
import { BUDGET_SAVED_OBJECT_TYPE, budgetSavedObjectType } from './saved_objects/budget_type';
import {
  CONNECTION_SAVED_OBJECT_TYPE,
  connectionEncryptionRegistration,
  connectionSavedObjectType,
} from './saved_objects/connection_type';
import {
  KNOWN_SENDER_SAVED_OBJECT_TYPE,
  knownSenderSavedObjectType,
} from './saved_objects/known_sender_type';
import { elasticsearchGuard } from './routes/elasticsearch_guard';
import { CollectorResources } from './services/collector_resources';
import { ElasticsearchReachability } from './services/elasticsearch_reachability';
import { ApiKeysAvailability } from './services/api_keys_availability';
import { ConnectionStore } from './services/connection_store';
import { KnownSenderStore } from './services/known_sender_store';
import { TenantDomains } from './services/tenant_domains';
import { MessageTrailService } from './services/message_trail_service';
import { StartupGate } from './services/startup_gate';
import { unsecuredWriterClientFactory, writerClientFactory } from './services/writer_client';
import { registerCollectTaskDefinition } from './tasks/collect_task';
import { registerFileImportTaskDefinition, syncFileImportTask } from './tasks/file_import_task';
import type {
  ExchangeMessageTraceServices,
  ExchangeMessageTraceSetupDeps,
  ExchangeMessageTraceStartDeps,
} from './types';
import { ENCRYPTION_KEY_SETTING } from '../common/encryption_key';

export class ExchangeMessageTracePlugin
  implements Plugin<void, void, ExchangeMessageTraceSetupDeps, ExchangeMessageTraceStartDeps>
{
  private readonly logger: Logger;
  private readonly config: ExchangeMessageTraceConfig;
  private readonly startup: StartupGate<ExchangeMessageTraceServices>;
  private startServices: () => Promise<ExchangeMessageTraceServices> = () =>
    Promise.reject(new Error('Kibana has not started the plugin yet'));
  private canEncrypt = false;
  private reachability: ElasticsearchReachability | undefined;

  constructor(private readonly context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
    this.logger = context.logger.get();
    this.config = context.config.get();
    this.startup = new StartupGate(() => this.startServices(), {
      clock: systemClock,
      logger: this.logger.get('startup'),
    });
  }

  private readonly services = () => this.startup.services();

  setup(core: CoreSetup<ExchangeMessageTraceStartDeps>, plugins: ExchangeMessageTraceSetupDeps) {
    core.savedObjects.registerType(connectionSavedObjectType);
    core.savedObjects.registerType(budgetSavedObjectType);
    core.savedObjects.registerType(knownSenderSavedObjectType);
    plugins.encryptedSavedObjects.registerType(connectionEncryptionRegistration);
    this.canEncrypt = plugins.encryptedSavedObjects.canEncrypt;
    if (!this.canEncrypt) {
      this.logger.warn(`Connections cannot be saved: set ${ENCRYPTION_KEY_SETTING} in kibana.yml`);
    }
    plugins.features.registerKibanaFeature(
      buildKibanaFeature([CONNECTION_SAVED_OBJECT_TYPE, KNOWN_SENDER_SAVED_OBJECT_TYPE])
    );
    registerCollectTaskDefinition({
      taskManager: plugins.taskManager,
      getServices: this.services,
    });
    registerFileImportTaskDefinition({
      taskManager: plugins.taskManager,
      getServices: async () => ({ ...(await this.services()), logger: this.logger.get('files') }),
      config: this.config.files,
    });
    if (plugins.alerting) registerRuleTypes(plugins.alerting, { getServices: this.services });
    core.http.registerOnPreAuth(elasticsearchGuard(() => this.reachability));
    registerRoutes({
      router: core.http.createRouter(),
      logger: this.logger,
      kibanaVersion: this.context.env.packageInfo.version,
      dataset: this.config.dataStream.dataset,
      fileUploadLimits: uploadLimitsOf(this.config.files),
      getServices: this.services,
      notReadyReason: () => this.startup.reason(),
      canEncrypt: () => this.canEncrypt,
    });
  }

  start(core: CoreStart, plugins: ExchangeMessageTraceStartDeps) {
    const { dataStream, graph } = this.config;
    const repository = core.savedObjects.createInternalRepository([
      CONNECTION_SAVED_OBJECT_TYPE,
      BUDGET_SAVED_OBJECT_TYPE,
    ]);
    const endpoints = endpointsWithOverrides({
      graphUrl: graph.url,
      loginUrl: graph.loginUrl,
      caCertificate: graph.certificateAuthority
        ? readFileSync(graph.certificateAuthority, 'utf8')
        : undefined,
    });
    const internalClient = core.elasticsearch.client.asInternalUser;
    const connections = new ConnectionStore(
      plugins.encryptedSavedObjects,
      core.savedObjects,
      repository,
      this.canEncrypt
    );
    const resources = new CollectorResources(repository, systemClock, endpoints);
    const apiKeys = new ApiKeysAvailability(core.security.authc, systemClock);
    const reachability = new ElasticsearchReachability(internalClient, systemClock);
    this.reachability = reachability;
    this.startServices = async () => {
      // Templates go in before any task may write, or the first write would create the data
      // stream from Elasticsearch's built-in logs template.
      await installTemplates(internalClient, {
        dataset: dataStream.dataset,
        retention: dataStream.retention,
      });
      const namespaceTemplates = new NamespaceTemplates(internalClient, {
        dataset: dataStream.dataset,
        retention: dataStream.retention,
      });
      const geoIp = await installGeoIpPipeline(internalClient);
      if (!geoIp.installed) this.logger.info(`GeoIP enrichment is off: ${geoIp.reason}`);
      const ingestPipeline = geoIp.installed ? GEOIP_PIPELINE_NAME : NO_PIPELINE;
      syncFileImportTask(plugins.taskManager, this.config.files).catch((error: Error) =>
        this.logger.error(`Scheduling the import of configured files failed: ${error.message}`)
      );
      return {
        connections,
        resources,
        writerClient: writerClientFactory(core, apiKeys),
        dataset: dataStream.dataset,
        ingestPipeline: () => ingestPipeline,
        ensureNamespaceTemplate: (namespace: string) => namespaceTemplates.ensure(namespace),
        clock: systemClock,
        logger: this.logger.get('collector'),
        reachability,
        taskManager: plugins.taskManager,
        authc: core.security.authc,
        apiKeys,
        asCurrentUser: (request) => core.elasticsearch.client.asScoped(request).asCurrentUser,
        knownSenders: new KnownSenderStore(core.savedObjects),
        messageTrails: new MessageTrailService({ connections, resources, clock: systemClock }),
        tenantDomains: new TenantDomains(resources, systemClock),
        latestStatusCache: new LatestStatusCache(systemClock),
        unsecuredWriterClient: unsecuredWriterClientFactory(core, apiKeys),
      };
    };
    this.startup.open();
  }

  stop() {
    this.startup.stop();
  }
}
