import type {
  FeatureKibanaPrivileges,
  FeaturesPluginSetup,
  KibanaFeatureConfig,
} from '@kbn/features-plugin/server';
import { validateKibanaFeature, validateRegisteredFeatures } from './feature_rules';

/**
 * Stands in for the features plugin's registry (what a user's roles grant is Elasticsearch's).
 * Kibana: x-pack/platform/plugins/shared/features/server/feature_registry.ts @ 020c0224 and
 * plugin.ts @ 309432f0 (registration locks in the features plugin's `start`, which runs before
 * the start of any plugin that depends on it).
 */
export class FeaturesService {
  private readonly features = new Map<string, KibanaFeatureConfig>();
  private locked = false;

  setup(): FeaturesPluginSetup {
    return {
      registerKibanaFeature: (feature: KibanaFeatureConfig) => this.register(feature),
    } as FeaturesPluginSetup;
  }

  start() {
    this.locked = true;
    validateRegisteredFeatures(this.registered());
    return {};
  }

  /** The registered features, with the saved object grants Kibana adds to every privilege. */
  registered(): KibanaFeatureConfig[] {
    return [...this.features.values()];
  }

  private register(feature: KibanaFeatureConfig) {
    if (this.locked) {
      throw new Error(
        `Features are locked, can't register new features. Attempt to register ${feature.id} failed.`
      );
    }
    validateKibanaFeature(feature);
    if (this.features.has(feature.id)) {
      throw new Error(`Feature with id ${feature.id} is already registered.`);
    }
    // A copy, as Kibana keeps: what the plugin does to its object later changes nothing.
    this.features.set(feature.id, withAutomaticGrants(structuredClone(feature)));
  }
}

// Kibana: feature_registry.ts @ 020c0224 (applyAutomaticPrivilegeGrants): every `all` (and reserved)
// privilege may write telemetry and read these; every `read` privilege may read them and telemetry.
const ALL_GRANTS = { all: ['telemetry'], read: ['config', 'config-global', 'url', 'tag', 'cloud'] };
const READ_GRANTS = ['config', 'config-global', 'telemetry', 'url', 'tag', 'cloud'];

function granting(privilege: FeatureKibanaPrivileges, all: string[], read: string[]) {
  privilege.savedObject = {
    all: [...new Set([...privilege.savedObject.all, ...all])],
    read: [...new Set([...privilege.savedObject.read, ...read])],
  };
}

function withAutomaticGrants(feature: KibanaFeatureConfig): KibanaFeatureConfig {
  const reserved = (
    feature as { reserved?: { privileges: Array<{ privilege: FeatureKibanaPrivileges }> } }
  ).reserved;
  const allPrivileges = [
    feature.privileges?.all,
    ...(reserved?.privileges ?? []).map((r) => r.privilege),
  ];
  for (const privilege of allPrivileges) {
    if (privilege) granting(privilege, ALL_GRANTS.all, ALL_GRANTS.read);
  }
  if (feature.privileges?.read) granting(feature.privileges.read, [], READ_GRANTS);
  return feature;
}
