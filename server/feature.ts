import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import {
  API_PRIVILEGES,
  FEATURE_ID,
  PLUGIN_ID,
  PLUGIN_NAME,
  SECURITY_APP_CATEGORY,
  UI_CAPABILITIES,
} from '../common/constants';
import { RULE_TYPE_IDS } from '../common/alerting/rule_params';

/** Kibana's generic alerting consumer (`ALERTING_FEATURE_ID`, alerting/common/index.ts). */
const ALERTING_FEATURE_ID = 'alerts';

/**
 * Our rule types, created with our feature as consumer (our pages' flyouts) or as `alerts` (Stack
 * Management's rules page), as Stack's own rule types do (stack_alerts/server/feature.ts, see
 * ../shared/reference/kibana_alerting_contracts.md §5.3).
 */
/** Kibana's alerts API (`/internal/rac/alerts/*`) requires this API privilege (rule_registry). */
const ALERTS_API_PRIVILEGE = 'rac';

const RULE_TYPES = Object.values(RULE_TYPE_IDS).map((ruleTypeId) => ({
  ruleTypeId,
  consumers: [FEATURE_ID, ALERTING_FEATURE_ID],
}));

/**
 * `all` manages connections and runs collection, and creates and manages our alert rules; `read`
 * only views, rules and alerts included.
 */
export function buildKibanaFeature(savedObjectTypes: readonly string[]): KibanaFeatureConfig {
  return {
    id: FEATURE_ID,
    name: PLUGIN_NAME,
    category: SECURITY_APP_CATEGORY,
    app: [PLUGIN_ID],
    alerting: RULE_TYPES,
    privileges: {
      all: {
        app: [PLUGIN_ID],
        api: [API_PRIVILEGES.read, API_PRIVILEGES.manage, ALERTS_API_PRIVILEGE],
        savedObject: { all: savedObjectTypes, read: [] },
        alerting: { rule: { all: RULE_TYPES }, alert: { all: RULE_TYPES } },
        ui: [UI_CAPABILITIES.show, UI_CAPABILITIES.manage],
      },
      read: {
        app: [PLUGIN_ID],
        api: [API_PRIVILEGES.read, ALERTS_API_PRIVILEGE],
        savedObject: { all: [], read: savedObjectTypes },
        alerting: { rule: { read: RULE_TYPES }, alert: { read: RULE_TYPES } },
        ui: [UI_CAPABILITIES.show],
      },
    },
  };
}
