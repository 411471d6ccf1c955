import type { IRouter, Logger, KibanaRequest, SavedObjectsType } from '@kbn/core/server';
import type { EncryptedSavedObjectsPluginSetup } from '@kbn/encrypted-saved-objects-plugin/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { randomUUID } from 'node:crypto';
import { boom } from '../alerting/boom';
import type { EncryptedSavedObjectsService } from '../saved_objects/encrypted_saved_objects_service';
import type { SavedObjectsService } from '../saved_objects/saved_objects_service';
import type { HostLicense, LicenseCheck } from '../licensing/host_license';
import { registerConnectorRoutes } from './connector_routes';
import {
  HOST_CONNECTOR_TYPES,
  renderActionParams,
  type HostConnectorType,
} from './connector_types';

/*
 * Stands in for Kibana's actions plugin: connectors as hidden `action` saved objects with their
 * secrets encrypted, connector types licensed against Elasticsearch's license, and Kibana's
 * authorization of connectors by the `action` saved-object privileges.
 * AC = x-pack/platform/plugins/shared/actions/server/.
 */

export const ACTION_SAVED_OBJECT_TYPE = 'action';

interface ConnectorAttributes {
  actionTypeId: string;
  name: string;
  isMissingSecrets: boolean;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

export interface Connector {
  id: string;
  name: string;
  actionTypeId: string;
  isMissingSecrets: boolean;
  config: Record<string, unknown>;
}

const actionSavedObjectType: SavedObjectsType = {
  name: ACTION_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'multiple-isolated',
  mappings: {
    dynamic: false,
    properties: { actionTypeId: { type: 'keyword' }, name: { type: 'keyword' } },
  },
  modelVersions: { 1: { changes: [] } },
};

// AC/feature.ts: the "Actions and Connectors" feature, whose privileges grant the `action` type.
// UNCONFIRMED: its ui capabilities and management entries, which the host leaves out.
const ACTIONS_FEATURE: KibanaFeatureConfig = {
  id: 'actions',
  name: 'Actions and Connectors',
  category: { id: 'management', label: 'Management' },
  app: [],
  privileges: {
    all: {
      savedObject: {
        all: [ACTION_SAVED_OBJECT_TYPE, 'action_task_params', 'connector_token'],
        read: [],
      },
      ui: ['show', 'execute', 'save', 'delete'],
    },
    read: {
      savedObject: {
        all: ['action_task_params'],
        read: [ACTION_SAVED_OBJECT_TYPE, 'connector_token'],
      },
      ui: ['show', 'execute'],
    },
  },
};

/** `saved_object:<type>/<operation>` as the caller, from Elasticsearch. */
export type PrivilegeCheck = (request: KibanaRequest, actions: string[]) => Promise<boolean>;

export class ActionsService {
  private readonly types = new Map(HOST_CONNECTOR_TYPES.map((type) => [type.id, type]));

  constructor(
    private readonly deps: {
      savedObjects: SavedObjectsService;
      encryptedSavedObjects: EncryptedSavedObjectsService;
      license: HostLicense;
      hasPrivileges: PrivilegeCheck;
      logger: Logger;
    }
  ) {}

  setup(
    savedObjects: { registerType(type: SavedObjectsType): void },
    encrypted: EncryptedSavedObjectsPluginSetup,
    features: { registerKibanaFeature(feature: KibanaFeatureConfig): void },
    router: IRouter
  ) {
    savedObjects.registerType(actionSavedObjectType);
    registerConnectorRoutes(router, this);
    encrypted.registerType({
      type: ACTION_SAVED_OBJECT_TYPE,
      attributesToEncrypt: new Set(['secrets']),
    });
    features.registerKibanaFeature(ACTIONS_FEATURE);
    return {};
  }

  start() {
    return {
      isActionTypeEnabled: (id: string) => {
        const type = this.types.get(id);
        return type !== undefined && this.deps.license.latest(type.minimumLicenseRequired);
      },
    };
  }

  connectorType(id: string): HostConnectorType {
    const type = this.types.get(id);
    // AC/action_type_registry.ts `get`
    if (!type) throw boom(400, `Action type "${id}" is not registered.`);
    return type;
  }

  // AC/authorization/actions_authorization.ts: `execute` needs get on `action` and create on
  // `action_task_params`; the rest the operation itself on `action`.
  async ensureAuthorized(request: KibanaRequest, operation: string, actionTypeId?: string) {
    const privileges =
      operation === 'execute'
        ? ['saved_object:action/get', 'saved_object:action_task_params/create']
        : [`saved_object:action/${operation}`];
    if (!(await this.deps.hasPrivileges(request, privileges))) {
      throw boom(
        403,
        `Unauthorized to ${operation} ${actionTypeId ? `a "${actionTypeId}" action` : 'actions'}`
      );
    }
  }

  // AC/lib/license_state.ts (ensureLicenseForActionType; find_string id 2961542695)
  async ensureLicensed(type: HostConnectorType) {
    const check: LicenseCheck = await this.deps.license.check(type.minimumLicenseRequired);
    if (check.state === 'valid') return;
    if (check.state === 'unavailable') {
      throw boom(
        403,
        `Action type ${type.id} is disabled because license information is not available at this time.`
      );
    }
    if (check.state === 'expired') {
      throw boom(
        403,
        `Action type ${type.id} is disabled because your ${check.type} license has expired.`
      );
    }
    throw boom(
      403,
      `Action type ${type.id} is disabled because your ${check.type} license does not support it. Please upgrade your license.`
    );
  }

  // AC/lib/validate_with_schema.ts: each failure a 400 `error validating <what>: <message>`.
  private validated(type: HostConnectorType, config: unknown, secrets: unknown) {
    const step = <T>(name: string, run: () => T): T => {
      try {
        return run();
      } catch (error) {
        throw boom(400, `error validating ${name}: ${(error as Error).message}`);
      }
    };
    const validConfig = step('action type config', () => type.config.validate(config));
    const validSecrets = step('action type secrets', () => type.secrets.validate(secrets));
    const problem = type.validateConnector?.(validConfig, validSecrets);
    if (problem) throw boom(400, `error validating action type config: ${problem}`);
    return { config: validConfig, secrets: validSecrets };
  }

  async create(
    request: KibanaRequest,
    body: { id?: string; name: string; connectorTypeId: string; config: unknown; secrets: unknown }
  ): Promise<Connector> {
    await this.ensureAuthorized(request, 'create', body.connectorTypeId);
    const type = this.connectorType(body.connectorTypeId);
    const { config, secrets } = this.validated(type, body.config, body.secrets);
    await this.ensureLicensed(type);
    const attributes: ConnectorAttributes = {
      actionTypeId: type.id,
      name: body.name,
      isMissingSecrets: false,
      config,
      secrets,
    };
    const created = await this.deps.savedObjects
      .repository([ACTION_SAVED_OBJECT_TYPE])
      .create(ACTION_SAVED_OBJECT_TYPE, attributes, { id: body.id ?? randomUUID() });
    return {
      id: created.id,
      name: body.name,
      actionTypeId: type.id,
      isMissingSecrets: false,
      config,
    };
  }

  async find(request: KibanaRequest): Promise<Connector[]> {
    await this.ensureAuthorized(request, 'find');
    const found = await this.deps.savedObjects
      .repository([ACTION_SAVED_OBJECT_TYPE])
      .find<ConnectorAttributes>({ type: ACTION_SAVED_OBJECT_TYPE, perPage: 10_000 });
    return found.saved_objects.map(({ id, attributes }) => ({
      id,
      name: attributes.name,
      actionTypeId: attributes.actionTypeId,
      isMissingSecrets: attributes.isMissingSecrets,
      config: attributes.config,
    }));
  }

  /** The connectors a rule names, as the internal user (rule creation validates them). */
  async getMany(ids: string[]): Promise<Map<string, Connector>> {
    const repository = this.deps.savedObjects.repository([ACTION_SAVED_OBJECT_TYPE]);
    const found = new Map<string, Connector>();
    for (const id of new Set(ids)) {
      const { attributes } = await repository.get<ConnectorAttributes>(
        ACTION_SAVED_OBJECT_TYPE,
        id
      );
      found.set(id, { id, ...attributes });
    }
    return found;
  }

  /**
   * Runs a connector for a rule's action: rendered parameters, validated, license checked again
   * (AC/lib/action_executor.ts). A failure is logged and returned, never thrown into the rule run.
   */
  async execute(
    actionId: string,
    params: Record<string, unknown>,
    variables: Record<string, unknown>
  ) {
    const { attributes } = await this.deps.encryptedSavedObjects
      .start()
      .getClient({ includedHiddenTypes: [ACTION_SAVED_OBJECT_TYPE] })
      .getDecryptedAsInternalUser<ConnectorAttributes>(ACTION_SAVED_OBJECT_TYPE, actionId);
    const type = this.connectorType(attributes.actionTypeId);
    try {
      await this.ensureLicensed(type);
      const rendered = renderActionParams(type, params, variables);
      const validParams = type.params.validate(rendered);
      const result = await type.execute({
        actionId,
        config: attributes.config,
        secrets: attributes.secrets,
        params: validParams,
        logger: this.deps.logger,
      });
      if (result.status === 'error') {
        this.deps.logger.error(
          `Action "${actionId}" failed: ${result.message} ${result.serviceMessage ?? ''}`
        );
      }
      return result;
    } catch (error) {
      this.deps.logger.error(`Action "${actionId}" failed: ${(error as Error).message}`);
      return { status: 'error' as const, actionId, message: (error as Error).message };
    }
  }
}
