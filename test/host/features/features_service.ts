import type {
  FeatureKibanaPrivileges,
  FeaturesPluginSetup,
  KibanaFeatureConfig,
} from '@kbn/features-plugin/server';

const FEATURE_ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
const RESERVED_IDS = new Set(['catalogue', 'management', 'navLinks']);

/** Stands in for the features plugin's registry; what a user's roles grant is Elasticsearch's. */
export class FeaturesService {
  private readonly features = new Map<string, KibanaFeatureConfig>();

  setup(): FeaturesPluginSetup {
    return {
      registerKibanaFeature: (feature: KibanaFeatureConfig) => this.register(feature),
    } as FeaturesPluginSetup;
  }

  private register(feature: KibanaFeatureConfig) {
    if (!FEATURE_ID_PATTERN.test(feature.id) || RESERVED_IDS.has(feature.id)) {
      throw new Error(`Feature id "${feature.id}" is not allowed`);
    }
    if (this.features.has(feature.id)) {
      throw new Error(`Feature with id ${feature.id} is already registered.`);
    }
    for (const privilege of this.privilegesOf(feature)) {
      const unknownApps = (privilege.app ?? []).filter((app) => !feature.app.includes(app));
      if (unknownApps.length > 0) {
        throw new Error(
          `Feature privilege ${feature.id} specifies app entries which are not granted to the feature itself: ${unknownApps.join(',')}`
        );
      }
    }
    this.features.set(feature.id, feature);
  }

  private privilegesOf(feature: KibanaFeatureConfig): FeatureKibanaPrivileges[] {
    return feature.privileges ? [feature.privileges.all, feature.privileges.read] : [];
  }

  /** What Kibana's security plugin turns into privileges at start (`getKibanaFeatures`). */
  list(): KibanaFeatureConfig[] {
    return [...this.features.values()];
  }
}
