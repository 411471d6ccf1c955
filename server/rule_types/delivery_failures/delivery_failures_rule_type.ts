import {
  RULE_TYPE_IDS,
  deliveryFailuresParamsCodec,
  type DeliveryFailuresParams,
} from '../../../common/alerting/rule_params';
import { MINUTE_MS } from '../../../common/time';
import {
  CONNECTIONS_VARIABLE,
  VIEW_PATH_VARIABLE,
  pathInSpaceOf,
  ruleConnections,
  reportAlerts,
  ruleTypeHead,
  ruleViewTarget,
  viewInApp,
  windowBefore,
  type MessageTraceRuleType,
  type RuleTypeDependencies,
} from '../rule_type_base';
import {
  failureAlertReason,
  failureAlertsOf,
  type DeliveryFailuresContext,
} from './failure_breaches';
import { failureCounts } from './failure_counts';

export const DELIVERY_FAILURES_ACTION_GROUP = 'deliveryFailures';

export function deliveryFailuresRuleType(
  dependencies: RuleTypeDependencies
): MessageTraceRuleType<
  DeliveryFailuresParams,
  DeliveryFailuresContext,
  typeof DELIVERY_FAILURES_ACTION_GROUP
> {
  return {
    ...ruleTypeHead(
      RULE_TYPE_IDS.deliveryFailures,
      'Exchange delivery failures',
      deliveryFailuresParamsCodec,
      {
        id: DELIVERY_FAILURES_ACTION_GROUP,
        name: 'Delivery failures',
      }
    ),
    actionVariables: {
      context: [
        { name: 'scope', description: '"all mail", or the recipient domain.' },
        { name: 'recipientDomain', description: 'The recipient domain, when grouped by it.' },
        { name: 'failures', description: 'Rows in the rule’s statuses.' },
        { name: 'total', description: 'All rows in the window (of the domain).' },
        { name: 'sharePercent', description: 'failures as a percentage of total.' },
        { name: 'failed', description: 'Rows failed.' },
        { name: 'quarantined', description: 'Rows quarantined.' },
        { name: 'filteredAsSpam', description: 'Rows filtered as spam.' },
        { name: 'statuses', description: 'The statuses the rule counts.' },
        { name: 'threshold', description: 'The count or percentage the rule alerts at.' },
        { name: 'thresholdType', description: 'count or share.' },
        { name: 'windowStart', description: 'The start of the window.' },
        { name: 'windowEnd', description: 'The end of the window.' },
        CONNECTIONS_VARIABLE,
        VIEW_PATH_VARIABLE,
      ],
    },
    getViewInAppRelativeUrl: viewInApp('delivery_status'),
    async executor({ params, services, startedAt, spaceId }) {
      const { dataset, connections } = await dependencies.getServices();
      const window = windowBefore(startedAt, params.windowMinutes * MINUTE_MS);
      const [target, records] = await Promise.all([
        ruleViewTarget(services.scopedClusterClient.asCurrentUser, dataset, params.namespaces),
        // Only a rule limited to some connections names them.
        params.connectionIds?.length ? connections.listAllSettings() : [],
      ]);
      const counts = await failureCounts(
        target,
        { ...window, connectionIds: params.connectionIds, namespaces: params.namespaces },
        params.groupBy
      );
      const limitedTo = ruleConnections(params.connectionIds, records);
      reportAlerts(
        services.alertsClient,
        DELIVERY_FAILURES_ACTION_GROUP,
        failureAlertsOf(counts, params, window, pathInSpaceOf(spaceId), limitedTo.names),
        (context) => ({
          reason: failureAlertReason(context),
          fields: {
            ...limitedTo.fields,
            ...(context.recipientDomain ? { recipient_domain: context.recipientDomain } : {}),
            failures: context.failures,
            total: context.total,
            share_percent: context.sharePercent,
          },
        })
      );
      return { state: {} };
    },
  };
}
