import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import {
  API_PRIVILEGES,
  FEATURE_ID,
  PLUGIN_ID,
  PLUGIN_NAME,
  SECURITY_APP_CATEGORY,
  UI_CAPABILITIES,
} from '../common/constants';

/** `all` manages connections and runs collection; `read` only views. */
export function buildKibanaFeature(savedObjectTypes: readonly string[]): KibanaFeatureConfig {
  return {
    id: FEATURE_ID,
    name: PLUGIN_NAME,
    category: SECURITY_APP_CATEGORY,
    app: [PLUGIN_ID],
    privileges: {
      all: {
        app: [PLUGIN_ID],
        api: [API_PRIVILEGES.read, API_PRIVILEGES.manage],
        savedObject: { all: savedObjectTypes, read: [] },
        ui: [UI_CAPABILITIES.show, UI_CAPABILITIES.manage],
      },
      read: {
        app: [PLUGIN_ID],
        api: [API_PRIVILEGES.read],
        savedObject: { all: [], read: savedObjectTypes },
        ui: [UI_CAPABILITIES.show],
      },
    },
  };
}
