import type { ElasticsearchClient, KibanaRequest, SecurityServiceStart } from '@kbn/core/server';
import type { AlertingServerSetup, AlertingServerStart } from '@kbn/alerting-plugin/server';
import type {
  PluginSetupContract as ActionsPluginSetup,
  PluginStartContract as ActionsPluginStart,
} from '@kbn/actions-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import type {
  EncryptedSavedObjectsPluginSetup,
  EncryptedSavedObjectsPluginStart,
} from '@kbn/encrypted-saved-objects-plugin/server';
import type { LatestStatusCache } from './lib/views/latest_status_slices';
import type { WriterClient } from './lib/writer/bulk_writer';
import type { ApiKeysAvailability } from './services/api_keys_availability';
import type { KnownSenderStore } from './services/known_sender_store';
import type { MessageTrailService } from './services/message_trail_service';
import type { CollectTaskServices } from './tasks/collect_task_runner';
import type {
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';

export interface ExchangeMessageTraceSetupDeps {
  features: FeaturesPluginSetup;
  taskManager: TaskManagerSetupContract;
  encryptedSavedObjects: EncryptedSavedObjectsPluginSetup;
  /** Optional: without Kibana's alerting framework the plugin registers no rule types. */
  alerting?: AlertingServerSetup;
  actions?: ActionsPluginSetup;
}

export interface ExchangeMessageTraceStartDeps {
  taskManager: TaskManagerStartContract;
  encryptedSavedObjects: EncryptedSavedObjectsPluginStart;
  alerting?: AlertingServerStart;
  actions?: ActionsPluginStart;
}

/** What routes and tasks use once the plugin has started (see StartupGate). */
export interface ExchangeMessageTraceServices extends CollectTaskServices {
  taskManager: TaskManagerStartContract;
  authc: SecurityServiceStart['authc'];
  apiKeys: ApiKeysAvailability;
  asCurrentUser(request: KibanaRequest): ElasticsearchClient;
  knownSenders: KnownSenderStore;
  messageTrails: MessageTrailService;
  latestStatusCache: LatestStatusCache;
  /** For imports from configured paths without a connection: Kibana's user, only with security off. */
  unsecuredWriterClient(): Promise<WriterClient>;
}
