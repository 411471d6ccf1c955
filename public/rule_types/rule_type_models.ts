import { createElement, lazy, type ComponentType } from 'react';
import type {
  RuleTypeModel,
  RuleTypeParamsExpressionProps,
  TriggersAndActionsUIPublicPluginSetup,
} from '@kbn/triggers-actions-ui-plugin/public';
import type * as t from 'io-ts';
import {
  RULE_TYPE_IDS,
  collectionHealthParamsCodec,
  deliveryFailuresParamsCodec,
  paramsErrors,
  suspiciousSenderParamsCodec,
  type CollectionHealthParams,
  type DeliveryFailuresParams,
  type SuspiciousSenderParams,
} from '../../common/alerting/rule_params';
import type { ConnectionsApi } from '../services/connections_api';
import type { ConnectionsApiProp } from './params_fields';

/** What a message links to: `{{kibanaBaseUrl}}` is empty without server.publicBaseUrl. */
const LINK = '{{kibanaBaseUrl}}{{context.viewPath}}';

type ParamsEditor<Params> = ComponentType<
  RuleTypeParamsExpressionProps<Partial<Params>> & ConnectionsApiProp
>;

/**
 * A rule type's model. Kibana's rule form renders the params editor outside our app (no app
 * services there), so the editor is handed the connections API it lists connections with.
 */
function model<Params extends Record<string, unknown>>(
  connectionsApi: ConnectionsApi,
  id: string,
  description: string,
  codec: t.Decoder<unknown, Params>,
  editor: () => Promise<{ default: ParamsEditor<Params> }>,
  messages: { active: string; recovered: string }
): RuleTypeModel<Partial<Params>> {
  const ruleParamsExpression = lazy(async () => {
    const { default: Editor } = await editor();
    return {
      default: (props: RuleTypeParamsExpressionProps<Partial<Params>>) =>
        createElement(Editor, { ...props, connectionsApi }),
    };
  });
  return {
    id,
    description,
    iconClass: 'email',
    documentationUrl: null,
    validate: (params) => ({ errors: paramsErrors(codec, params) }),
    ruleParamsExpression,
    // Our pages open the rule form for these too, but Stack Management's rules page may as well.
    requiresAppContext: false,
    defaultActionMessage: messages.active,
    defaultRecoveryMessage: messages.recovered,
  };
}

export const ruleTypeModels = (connectionsApi: ConnectionsApi) => [
  model<SuspiciousSenderParams>(
    connectionsApi,
    RULE_TYPE_IDS.suspiciousSender,
    'Alerts on each external sender whose suspicious-sender score reaches a threshold.',
    suspiciousSenderParamsCodec,
    () => import('./suspicious_sender_expression'),
    {
      active:
        'Suspicious sender {{context.sender}} scored {{context.score}} (threshold {{context.threshold}}) from {{context.windowStart}} to {{context.windowEnd}}:\n{{context.reasonsText}}\n{{context.messages}} messages to {{context.recipients}} recipients, {{context.undelivered}} not delivered.\n' +
        LINK,
      recovered: 'Sender {{context.sender}} is no longer suspicious: {{context.recovery}}.',
    }
  ),
  model<DeliveryFailuresParams>(
    connectionsApi,
    RULE_TYPE_IDS.deliveryFailures,
    'Alerts when failed, quarantined or filtered-as-spam mail rises above a count or a share.',
    deliveryFailuresParamsCodec,
    () => import('./delivery_failures_expression'),
    {
      active:
        '{{context.failures}} of {{context.total}} messages ({{context.sharePercent}}%) to {{context.scope}} were {{context.statuses}} from {{context.windowStart}} to {{context.windowEnd}}.\n' +
        LINK,
      recovered: 'Delivery failures to {{alert.id}} are back under the threshold.',
    }
  ),
  model<CollectionHealthParams>(
    connectionsApi,
    RULE_TYPE_IDS.collectionHealth,
    'Alerts when a Microsoft 365 connection fails, falls behind or its secret nears expiry.',
    collectionHealthParamsCodec,
    () => import('./collection_health_expression'),
    {
      active:
        'Connection {{context.connectionName}}: {{context.happened}}\n{{context.toDo}}\n' + LINK,
      recovered: 'Connection problem {{alert.id}} is resolved.',
    }
  ),
];

export function registerRuleTypeModels(
  triggersActionsUi: TriggersAndActionsUIPublicPluginSetup,
  connectionsApi: ConnectionsApi
) {
  for (const ruleType of ruleTypeModels(connectionsApi)) {
    triggersActionsUi.ruleTypeRegistry.register(ruleType as RuleTypeModel);
  }
}
