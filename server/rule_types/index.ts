import type { AlertingServerSetup } from '@kbn/alerting-plugin/server';
import { collectionHealthRuleType } from './collection_health/collection_health_rule_type';
import { deliveryFailuresRuleType } from './delivery_failures/delivery_failures_rule_type';
import type { RuleTypeDependencies } from './rule_type_base';
import { suspiciousSenderRuleType } from './suspicious_sender/suspicious_sender_rule_type';

export function registerRuleTypes(
  alerting: AlertingServerSetup,
  dependencies: RuleTypeDependencies
) {
  alerting.registerType(suspiciousSenderRuleType(dependencies));
  alerting.registerType(deliveryFailuresRuleType(dependencies));
  alerting.registerType(collectionHealthRuleType(dependencies));
}
