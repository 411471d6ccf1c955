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
import { endpointsWithOverrides } from './lib/graph/graph_hosts';
import { registerRoutes } from './routes';
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
import { CollectorResources } from './services/collector_resources';
import { ConnectionStore } from './services/connection_store';
import { KnownSenderStore } from './services/known_sender_store';
import { MessageTrailService } from './services/message_trail_service';
import { unsecuredWriterClientFactory, writerClientFactory } from './services/writer_client';
import { registerCollectTaskDefinition } from './tasks/collect_task';
import type { CollectTaskServices } from './tasks/collect_task_runner';
import { registerFileImportTaskDefinition, syncFileImportTask } from './tasks/file_import_task';
import type { WriterClient } from './lib/writer/bulk_writer';
import type { ExchangeMessageTraceSetupDeps, ExchangeMessageTraceStartDeps } from './types';

/** What routes and the task need once Kibana has started; routes wait for it via getServices. */
export interface ExchangeMessageTraceServices extends CollectTaskServices {
  taskManager: ExchangeMessageTraceStartDeps['taskManager'];
  security?: ExchangeMessageTraceStartDeps['security'];
  knownSenders: KnownSenderStore;
  messageTrails: MessageTrailService;
  latestStatusCache: LatestStatusCache;
  /** For imports from configured paths without a connection: Kibana's user, only with security off. */
  unsecuredWriterClient(): Promise<WriterClient>;
}

export class ExchangeMessageTracePlugin
  implements Plugin<void, void, ExchangeMessageTraceSetupDeps, ExchangeMessageTraceStartDeps>
{
  private readonly logger: Logger;
  private readonly config: ExchangeMessageTraceConfig;
  private resolveServices: (services: ExchangeMessageTraceServices) => void = () => undefined;
  private readonly services = new Promise<ExchangeMessageTraceServices>((resolve) => {
    this.resolveServices = resolve;
  });

  constructor(private readonly context: PluginInitializerContext<ExchangeMessageTraceConfig>) {
    this.logger = context.logger.get();
    this.config = context.config.get();
  }

  setup(core: CoreSetup<ExchangeMessageTraceStartDeps>, plugins: ExchangeMessageTraceSetupDeps) {
    core.savedObjects.registerType(connectionSavedObjectType);
    core.savedObjects.registerType(budgetSavedObjectType);
    core.savedObjects.registerType(knownSenderSavedObjectType);
    plugins.encryptedSavedObjects.registerType(connectionEncryptionRegistration);
    plugins.features.registerKibanaFeature(
      buildKibanaFeature([CONNECTION_SAVED_OBJECT_TYPE, KNOWN_SENDER_SAVED_OBJECT_TYPE])
    );
    registerCollectTaskDefinition({
      taskManager: plugins.taskManager,
      getServices: () => this.services,
    });
    registerFileImportTaskDefinition({
      taskManager: plugins.taskManager,
      getServices: async () => ({ ...(await this.services), logger: this.logger.get('files') }),
      config: this.config.files,
    });
    registerRoutes({
      router: core.http.createRouter(),
      logger: this.logger,
      kibanaVersion: this.context.env.packageInfo.version,
      fileUploadMaxBytes: this.config.files.maxUploadBytes,
      getServices: () => this.services,
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
    let ingestPipeline = NO_PIPELINE;
    const internalClient = core.elasticsearch.client.asInternalUser;
    // Templates go in before any task may write, or the first write would create the data stream
    // from Elasticsearch's built-in logs template.
    const ready = installTemplates(internalClient, {
      dataset: dataStream.dataset,
      retention: dataStream.retention,
    })
      .then(() => installGeoIpPipeline(internalClient))
      .then((geoIp) => {
        ingestPipeline = geoIp.installed ? GEOIP_PIPELINE_NAME : NO_PIPELINE;
        if (!geoIp.installed) this.logger.info(`GeoIP enrichment is off: ${geoIp.reason}`);
      });
    const connections = new ConnectionStore(plugins.encryptedSavedObjects, core.savedObjects);
    const resources = new CollectorResources(repository, systemClock, endpoints);
    ready
      .then(() =>
        this.resolveServices({
          connections,
          resources,
          writerClient: writerClientFactory(core, plugins.security),
          dataset: dataStream.dataset,
          ingestPipeline: () => ingestPipeline,
          clock: systemClock,
          logger: this.logger.get('collector'),
          taskManager: plugins.taskManager,
          security: plugins.security,
          knownSenders: new KnownSenderStore(core.savedObjects),
          messageTrails: new MessageTrailService({ connections, resources, clock: systemClock }),
          latestStatusCache: new LatestStatusCache(systemClock),
          unsecuredWriterClient: unsecuredWriterClientFactory(core, plugins.security),
        })
      )
      .then(() =>
        syncFileImportTask(plugins.taskManager, this.config.files).catch((error: Error) =>
          this.logger.error(`Scheduling the import of configured files failed: ${error.message}`)
        )
      )
      .catch((error: Error) =>
        this.logger.error(`Installing the data stream templates failed: ${error.message}`)
      );
  }

  stop() {}
}
