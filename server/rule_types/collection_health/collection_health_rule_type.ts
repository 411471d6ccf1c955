import {
  RULE_TYPE_IDS,
  collectionHealthParamsCodec,
  type CollectionHealthParams,
} from '../../../common/alerting/rule_params';
import { appPath } from '../../../common/alerting/app_links';
import { ConnectionService } from '../../services/connection_service';
import {
  VIEW_PATH_VARIABLE,
  pathInSpaceOf,
  reportAlerts,
  ruleTypeHead,
  type MessageTraceRuleType,
  type RuleTypeDependencies,
} from '../rule_type_base';
import {
  CONNECTION_PROBLEMS,
  connectionAlertReason,
  connectionAlertsOf,
  type CollectionHealthContext,
} from './connection_problems';

export const COLLECTION_HEALTH_ACTION_GROUP = 'collectionProblem';

/**
 * Reads the connections and their collection tasks as the settings page shows them; no message
 * trace is searched, so the rule's API key is not needed for it.
 */
export function collectionHealthRuleType(
  dependencies: RuleTypeDependencies
): MessageTraceRuleType<
  CollectionHealthParams,
  CollectionHealthContext,
  typeof COLLECTION_HEALTH_ACTION_GROUP
> {
  return {
    ...ruleTypeHead(
      RULE_TYPE_IDS.collectionHealth,
      'Exchange collection health',
      collectionHealthParamsCodec,
      {
        id: COLLECTION_HEALTH_ACTION_GROUP,
        name: 'Collection problem',
      }
    ),
    actionVariables: {
      context: [
        { name: 'connectionId', description: 'The connection’s ID.' },
        { name: 'connectionName', description: 'The connection’s name.' },
        { name: 'tenantId', description: 'The Microsoft 365 tenant.' },
        { name: 'problem', description: `One of ${CONNECTION_PROBLEMS.join(', ')}.` },
        { name: 'happened', description: 'What is wrong, in words.' },
        { name: 'toDo', description: 'What to do about it.' },
        { name: 'errorMessage', description: 'Microsoft’s own words, for an error.' },
        { name: 'lastSuccessAt', description: 'The last successful collection run.' },
        { name: 'collectedUntil', description: 'Traces received up to here are collected.' },
        { name: 'credentialExpiresAt', description: 'When the secret or certificate expires.' },
        VIEW_PATH_VARIABLE,
      ],
    },
    getViewInAppRelativeUrl: () => appPath('settings'),
    async executor({ params, services, startedAt, spaceId }) {
      const connections = await new ConnectionService(await dependencies.getServices()).listAll();
      reportAlerts(
        services.alertsClient,
        COLLECTION_HEALTH_ACTION_GROUP,
        connectionAlertsOf(connections, params, startedAt.getTime(), pathInSpaceOf(spaceId)),
        (context) => ({
          reason: connectionAlertReason(context),
          fields: {
            connection_id: context.connectionId,
            connection_name: context.connectionName,
            problem: context.problem,
          },
        })
      );
      return { state: {} };
    },
  };
}
