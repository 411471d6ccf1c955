import type { AlertInstanceState, RuleType } from '@kbn/alerting-plugin/server';
import {
  RULE_TYPE_IDS,
  deliveryFailuresParamsCodec,
  paramsValidator,
  type DeliveryFailuresParams,
} from '../../../common/alerting/rule_params';
import { appPath } from '../../../common/alerting/app_links';
import { MINUTE_MS } from '../../../common/time';
import { alertPayload, type MessageTraceAlertData } from '../alerts_as_data';
import {
  RULE_TYPE_BASE,
  VIEW_PATH_VARIABLE,
  alertsClientOf,
  pathInSpaceOf,
  ruleViewTarget,
  type RuleTypeDependencies,
} from '../rule_type_base';
import {
  failureAlertReason,
  failureAlertsOf,
  type DeliveryFailuresContext,
} from './failure_breaches';
import { failureCounts } from './failure_counts';

export const DELIVERY_FAILURES_ACTION_GROUP = 'deliveryFailures';
type Group = typeof DELIVERY_FAILURES_ACTION_GROUP;

export function deliveryFailuresRuleType(
  dependencies: RuleTypeDependencies
): RuleType<
  DeliveryFailuresParams,
  DeliveryFailuresParams,
  Record<string, never>,
  AlertInstanceState,
  DeliveryFailuresContext,
  Group,
  'recovered',
  MessageTraceAlertData
> {
  return {
    id: RULE_TYPE_IDS.deliveryFailures,
    name: 'Exchange delivery failures',
    ...RULE_TYPE_BASE,
    validate: { params: paramsValidator(deliveryFailuresParamsCodec) },
    actionGroups: [{ id: DELIVERY_FAILURES_ACTION_GROUP, name: 'Delivery failures' }],
    defaultActionGroupId: DELIVERY_FAILURES_ACTION_GROUP,
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
        VIEW_PATH_VARIABLE,
      ],
    },
    getViewInAppRelativeUrl: ({ start, end }) =>
      appPath('delivery_status', {
        start: start ? new Date(start).toISOString() : undefined,
        end: end ? new Date(end).toISOString() : undefined,
      }),
    async executor({ params, services, startedAt, spaceId }) {
      const alertsClient = alertsClientOf(services.alertsClient);
      const { dataset } = await dependencies.getServices();
      const window = {
        start: new Date(startedAt.getTime() - params.windowMinutes * MINUTE_MS).toISOString(),
        end: startedAt.toISOString(),
      };
      const target = await ruleViewTarget(services.scopedClusterClient.asCurrentUser, dataset);
      const counts = await failureCounts(target, window, params.groupBy);
      for (const { id, context } of failureAlertsOf(
        counts,
        params,
        window,
        pathInSpaceOf(spaceId)
      )) {
        alertsClient.report({
          id,
          actionGroup: DELIVERY_FAILURES_ACTION_GROUP,
          context,
          payload: alertPayload(failureAlertReason(context), {
            ...(context.recipientDomain ? { recipient_domain: context.recipientDomain } : {}),
            failures: context.failures,
            total: context.total,
            share_percent: context.sharePercent,
          }),
        });
      }
      return { state: {} };
    },
  };
}
