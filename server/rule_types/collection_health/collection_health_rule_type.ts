import type { AlertInstanceState, RuleType } from '@kbn/alerting-plugin/server';
import {
  RULE_TYPE_IDS,
  collectionHealthParamsCodec,
  paramsValidator,
  type CollectionHealthParams,
} from '../../../common/alerting/rule_params';
import { appPath } from '../../../common/alerting/app_links';
import { ConnectionService } from '../../services/connection_service';
import { alertPayload, type MessageTraceAlertData } from '../alerts_as_data';
import {
  RULE_TYPE_BASE,
  VIEW_PATH_VARIABLE,
  alertsClientOf,
  pathInSpaceOf,
  type RuleTypeDependencies,
} from '../rule_type_base';
import {
  connectionAlertReason,
  connectionAlertsOf,
  type CollectionHealthContext,
} from './connection_problems';

export const COLLECTION_HEALTH_ACTION_GROUP = 'collectionProblem';
type Group = typeof COLLECTION_HEALTH_ACTION_GROUP;

/**
 * Reads the connections and their collection tasks as the settings page shows them; no message
 * trace is searched, so the rule's API key is not needed for it.
 */
export function collectionHealthRuleType(
  dependencies: RuleTypeDependencies
): RuleType<
  CollectionHealthParams,
  CollectionHealthParams,
  Record<string, never>,
  AlertInstanceState,
  CollectionHealthContext,
  Group,
  'recovered',
  MessageTraceAlertData
> {
  return {
    id: RULE_TYPE_IDS.collectionHealth,
    name: 'Exchange collection health',
    ...RULE_TYPE_BASE,
    validate: { params: paramsValidator(collectionHealthParamsCodec) },
    actionGroups: [{ id: COLLECTION_HEALTH_ACTION_GROUP, name: 'Collection problem' }],
    defaultActionGroupId: COLLECTION_HEALTH_ACTION_GROUP,
    actionVariables: {
      context: [
        { name: 'connectionId', description: 'The connection’s ID.' },
        { name: 'connectionName', description: 'The connection’s name.' },
        { name: 'tenantId', description: 'The Microsoft 365 tenant.' },
        {
          name: 'problem',
          description:
            'signInRefused, servicePrincipalMissing, throttled, lagging or credentialExpiring.',
        },
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
      const alertsClient = alertsClientOf(services.alertsClient);
      const connections = await new ConnectionService(await dependencies.getServices()).listAll();
      for (const { id, context } of connectionAlertsOf(
        connections,
        params,
        startedAt.getTime(),
        pathInSpaceOf(spaceId)
      )) {
        alertsClient.report({
          id,
          actionGroup: COLLECTION_HEALTH_ACTION_GROUP,
          context,
          payload: alertPayload(connectionAlertReason(context), {
            connection_id: context.connectionId,
            connection_name: context.connectionName,
            problem: context.problem,
          }),
        });
      }
      return { state: {} };
    },
  };
}
