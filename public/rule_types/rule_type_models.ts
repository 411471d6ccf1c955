import { lazy, type ComponentType } from 'react';
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

/** What a message links to: `{{kibanaBaseUrl}}` is empty without server.publicBaseUrl. */
const LINK = '{{kibanaBaseUrl}}{{context.viewPath}}';

function model<Params extends Record<string, unknown>>(
  id: string,
  description: string,
  codec: t.Decoder<unknown, Params>,
  expression: () => Promise<{
    default: ComponentType<RuleTypeParamsExpressionProps<Partial<Params>>>;
  }>,
  messages: { active: string; recovered: string }
): RuleTypeModel<Partial<Params>> {
  return {
    id,
    description,
    iconClass: 'email',
    documentationUrl: null,
    validate: (params) => ({ errors: paramsErrors(codec, params) }),
    ruleParamsExpression: lazy(expression),
    // Our pages open the rule form for these too, but Stack Management's rules page may as well.
    requiresAppContext: false,
    defaultActionMessage: messages.active,
    defaultRecoveryMessage: messages.recovered,
  };
}

export const RULE_TYPE_MODELS = [
  model<SuspiciousSenderParams>(
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

export function registerRuleTypeModels(triggersActionsUi: TriggersAndActionsUIPublicPluginSetup) {
  for (const ruleType of RULE_TYPE_MODELS) {
    triggersActionsUi.ruleTypeRegistry.register(ruleType as RuleTypeModel);
  }
}
