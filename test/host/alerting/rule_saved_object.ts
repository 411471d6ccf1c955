import type { SavedObjectsType } from '@kbn/core/server';

/*
 * Rules as Kibana keeps them: hidden `alert` saved objects whose API key is encrypted.
 * x-pack/platform/plugins/shared/alerting/server/saved_objects/index.ts (type `alert`, hidden,
 * multiple-isolated; `apiKey` encrypted) and AL/server/types.ts RawRule (the attributes kept here;
 * Kibana keeps a connector as `actionRef` with a reference, the host its id).
 */

export const RULE_SAVED_OBJECT_TYPE = 'alert';

export interface RawRuleAction {
  uuid: string;
  group: string;
  id: string;
  actionTypeId: string;
  params: Record<string, unknown>;
  frequency?: { summary: boolean; notifyWhen: string; throttle: string | null };
}

export interface RawRule {
  name: string;
  tags: string[];
  enabled: boolean;
  alertTypeId: string;
  consumer: string;
  schedule: { interval: string };
  params: Record<string, unknown>;
  actions: RawRuleAction[];
  throttle: string | null;
  notifyWhen: string | null;
  muteAll: boolean;
  mutedInstanceIds: string[];
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  apiKey: string | null;
  apiKeyOwner: string | null;
  apiKeyCreatedByUser: boolean;
  revision: number;
  scheduledTaskId: string | null;
  executionStatus: {
    status: 'pending' | 'ok' | 'active' | 'error';
    lastExecutionDate: string;
    error: { reason: string; message: string } | null;
  };
}

export const ruleSavedObjectType: SavedObjectsType = {
  name: RULE_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'multiple-isolated',
  mappings: {
    dynamic: false,
    properties: {
      alertTypeId: { type: 'keyword' },
      consumer: { type: 'keyword' },
      enabled: { type: 'boolean' },
      name: { type: 'keyword' },
      tags: { type: 'keyword' },
    },
  },
  modelVersions: { 1: { changes: [] } },
};

/** The API's rule (AL/server/routes/rule/transforms/transform_rule_to_rule_response/v1.ts @ 025b403c8f). */
export function ruleResponse(id: string, rule: RawRule) {
  return {
    id,
    enabled: rule.enabled,
    name: rule.name,
    tags: rule.tags,
    rule_type_id: rule.alertTypeId,
    consumer: rule.consumer,
    schedule: rule.schedule,
    actions: rule.actions.map((action) => ({
      group: action.group,
      id: action.id,
      params: action.params,
      connector_type_id: action.actionTypeId,
      uuid: action.uuid,
      ...(action.frequency && {
        frequency: {
          summary: action.frequency.summary,
          notify_when: action.frequency.notifyWhen,
          throttle: action.frequency.throttle,
        },
      }),
    })),
    params: rule.params,
    scheduled_task_id: rule.scheduledTaskId ?? undefined,
    created_by: rule.createdBy,
    updated_by: rule.updatedBy,
    created_at: rule.createdAt,
    updated_at: rule.updatedAt,
    api_key_owner: rule.apiKeyOwner,
    api_key_created_by_user: rule.apiKeyCreatedByUser,
    throttle: rule.throttle,
    mute_all: rule.muteAll,
    notify_when: rule.notifyWhen,
    muted_alert_ids: rule.mutedInstanceIds,
    execution_status: {
      status: rule.executionStatus.status,
      last_execution_date: rule.executionStatus.lastExecutionDate,
      ...(rule.executionStatus.error && { error: rule.executionStatus.error }),
    },
    revision: rule.revision,
  };
}
