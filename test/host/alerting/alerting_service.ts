import type { Client } from '@elastic/elasticsearch';
import type { IClusterClient, IRouter, Logger, SavedObjectsType } from '@kbn/core/server';
import type { AlertingServerSetup, IRuleTypeAlerts } from '@kbn/alerting-plugin/server';
import type { EncryptedSavedObjectsPluginSetup } from '@kbn/encrypted-saved-objects-plugin/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import type {
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import type { ActionsService } from '../actions/actions_service';
import type { HostLicense } from '../licensing/host_license';
import type { EncryptedSavedObjectsService } from '../saved_objects/encrypted_saved_objects_service';
import type { SavedObjectsService } from '../saved_objects/saved_objects_service';
import { hostApiKeys } from '../security/security_service';
import { AlertingAuthorization, type PrivilegesOf } from './alerting_authorization';
import { registerAlertingRoutes } from './alerting_routes';
import { registerAlertsFindRoute } from './alerts_find_route';
import { AlertsIndices } from './alerts_index';
import { RULE_SAVED_OBJECT_TYPE, ruleSavedObjectType } from './rule_saved_object';
import { createRuleTaskRunner } from './rule_task_runner';
import { registerRuleType, type AnyRuleType } from './rule_type_rules';
import { RulesClient } from './rules_client';

/**
 * Stands in for Kibana's alerting plugin: rule types registered at setup under Kibana's rules,
 * each a Task Manager task type `alerting:<id>`; rules as `alert` saved objects run by Task Manager
 * with the API key granted for their creator; alerts-as-data; the rules and alerts APIs.
 * AL/server/rule_type_registry.ts @ 0bbac85b73 and plugin.ts @ 023dbe9a57.
 */
export class AlertingService {
  private readonly ruleTypes = new Map<string, AnyRuleType>();
  private readonly contexts = new Map<string, IRuleTypeAlerts<Record<string, unknown>>>();
  private readonly alertsIndices: AlertsIndices;
  private readonly authorization: AlertingAuthorization;
  private readonly rulesClient: RulesClient;
  private taskManagerStart: TaskManagerStartContract | undefined;

  constructor(
    private readonly deps: {
      internal: Client;
      clusterClient: () => IClusterClient;
      savedObjects: SavedObjectsService;
      encryptedSavedObjects: EncryptedSavedObjectsService;
      actions: ActionsService;
      license: HostLicense;
      features: () => readonly KibanaFeatureConfig[];
      privilegesOf: PrivilegesOf;
      logger: Logger;
      kibanaVersion: string;
      kibanaBaseUrl: () => string | undefined;
    }
  ) {
    this.alertsIndices = new AlertsIndices(deps.internal);
    this.authorization = new AlertingAuthorization(deps.features, deps.privilegesOf);
    this.rulesClient = new RulesClient({
      ruleTypes: this.ruleTypes,
      authorization: this.authorization,
      repository: () => deps.savedObjects.repository([RULE_SAVED_OBJECT_TYPE]),
      encrypted: () => deps.encryptedSavedObjects.start(),
      taskManager: () => {
        if (!this.taskManagerStart) throw new Error('The alerting plugin has not started');
        return this.taskManagerStart;
      },
      apiKeys: hostApiKeys(deps.internal),
      actions: deps.actions,
      license: deps.license,
    });
  }

  setup(core: {
    savedObjects: { registerType(type: SavedObjectsType): void };
    encryptedSavedObjects: EncryptedSavedObjectsPluginSetup;
    taskManager: TaskManagerSetupContract;
    router: IRouter;
  }): AlertingServerSetup {
    core.savedObjects.registerType(ruleSavedObjectType);
    core.encryptedSavedObjects.registerType({
      type: RULE_SAVED_OBJECT_TYPE,
      attributesToEncrypt: new Set(['apiKey']),
    });
    registerAlertingRoutes(core.router, () => this.rulesClient);
    registerAlertsFindRoute(core.router, {
      internal: this.deps.internal,
      authorization: this.authorization,
      ruleTypes: this.ruleTypes,
    });
    const runnerDeps = {
      rulesClient: this.rulesClient,
      repository: () => this.deps.savedObjects.repository([RULE_SAVED_OBJECT_TYPE]),
      clusterClient: this.deps.clusterClient,
      internal: this.deps.internal,
      alertsIndices: this.alertsIndices,
      actions: this.deps.actions,
      license: this.deps.license,
      logger: this.deps.logger,
      kibanaVersion: this.deps.kibanaVersion,
      kibanaBaseUrl: this.deps.kibanaBaseUrl,
    };
    return {
      registerType: (given) => {
        const ruleType = registerRuleType(
          given as unknown as AnyRuleType,
          this.ruleTypes,
          this.contexts
        );
        core.taskManager.registerTaskDefinitions({
          [`alerting:${ruleType.id}`]: {
            title: ruleType.name,
            timeout: ruleType.ruleTaskTimeout,
            createTaskRunner: createRuleTaskRunner(runnerDeps, ruleType) as never,
          },
        });
      },
    };
  }

  start(taskManager: TaskManagerStartContract) {
    this.taskManagerStart = taskManager;
    return {};
  }
}
