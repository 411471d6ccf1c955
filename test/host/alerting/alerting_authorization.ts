import type { KibanaRequest } from '@kbn/core/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { alertingAction, type AlertingEntity } from './alerting_privileges';
import { boom } from './boom';

/*
 * Kibana's alerting authorization: a rule type and consumer pair must be declared in a feature's
 * `alerting` entries (else refused even for superuser), and the caller must hold
 * `alerting:<ruleTypeId>/<consumer>/<entity>/<operation>`, which Elasticsearch answers.
 * x-pack/platform/plugins/shared/alerting/server/authorization/alerting_authorization.ts
 * @ 2587e3ff05 (`ensureAuthorized`, `getFindAuthorizationFilter`).
 */

/** Which of `actions` the request's caller holds, from Elasticsearch's `_has_privileges`. */
export type PrivilegesOf = (
  request: KibanaRequest,
  actions: string[]
) => Promise<Record<string, boolean>>;

export interface RuleTypeConsumer {
  ruleTypeId: string;
  consumer: string;
}

export class AlertingAuthorization {
  constructor(
    private readonly features: () => readonly KibanaFeatureConfig[],
    private readonly privilegesOf: PrivilegesOf
  ) {}

  /** The consumers the features declare for a rule type. */
  consumersOf(ruleTypeId: string): Set<string> {
    return new Set(
      this.features().flatMap((feature) =>
        (feature.alerting ?? [])
          .filter((entry) => entry.ruleTypeId === ruleTypeId)
          .flatMap((entry) => entry.consumers)
      )
    );
  }

  async ensureAuthorized(
    request: KibanaRequest,
    { ruleTypeId, consumer }: RuleTypeConsumer,
    operation: string,
    entity: AlertingEntity = 'rule'
  ) {
    const action = alertingAction(ruleTypeId, consumer, entity, operation);
    const authorized =
      this.consumersOf(ruleTypeId).has(consumer) &&
      (await this.privilegesOf(request, [action]))[action] === true;
    if (!authorized) {
      throw boom(403, `Unauthorized by "${consumer}" to ${operation} "${ruleTypeId}" ${entity}`);
    }
  }

  /**
   * The pairs the caller may `operation` on; none at all is a 403
   * (`Unauthorized to <operation> <entity>s for any rule types`).
   */
  async authorizedPairs(
    request: KibanaRequest,
    ruleTypeIds: readonly string[],
    operation: string,
    entity: AlertingEntity = 'rule'
  ): Promise<RuleTypeConsumer[]> {
    const pairs = ruleTypeIds.flatMap((ruleTypeId) =>
      [...this.consumersOf(ruleTypeId)].map((consumer) => ({ ruleTypeId, consumer }))
    );
    const actions = pairs.map((pair) =>
      alertingAction(pair.ruleTypeId, pair.consumer, entity, operation)
    );
    const held = actions.length > 0 ? await this.privilegesOf(request, actions) : {};
    const authorized = pairs.filter((_, index) => held[actions[index]!] === true);
    if (authorized.length === 0) {
      throw boom(403, `Unauthorized to ${operation} ${entity}s for any rule types`);
    }
    return authorized;
  }
}
