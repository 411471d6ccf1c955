import type {
  FeatureKibanaPrivileges,
  FeaturesPluginSetup,
  KibanaFeatureConfig,
} from '@kbn/features-plugin/server';
import type { HostUser } from '../security/users';

const FEATURE_ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
const RESERVED_IDS = new Set(['catalogue', 'management', 'navLinks']);

/** Stands in for the features plugin: registration rules, and what a user's roles grant. */
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

  private grantedPrivileges(user: HostUser, featureId?: string): FeatureKibanaPrivileges[] {
    return [...this.features.values()]
      .filter((feature) => featureId === undefined || feature.id === featureId)
      .flatMap((feature) => {
        const privileges = feature.privileges;
        if (!privileges) return [];
        if (user.superuser) return [privileges.all, privileges.read];
        return user.grants
          .filter((grant) => grant.feature === feature.id)
          .map((grant) => privileges[grant.privilege]);
      });
  }

  apiPrivileges(user: HostUser): Set<string> {
    return new Set(this.grantedPrivileges(user).flatMap((privilege) => privilege.api ?? []));
  }

  /** `application.capabilities[featureId][capability]`, as the browser sees it. */
  capabilities(user: HostUser): Record<string, Record<string, boolean>> {
    const capabilities: Record<string, Record<string, boolean>> = {};
    for (const feature of this.features.values()) {
      const granted = this.grantedPrivileges(user, feature.id);
      const all = new Set(this.privilegesOf(feature).flatMap((p) => p.ui));
      const mine = new Set(granted.flatMap((p) => p.ui));
      capabilities[feature.id] = Object.fromEntries([...all].map((ui) => [ui, mine.has(ui)]));
    }
    return capabilities;
  }

  hasAppAccess(user: HostUser, appId: string): boolean {
    return this.grantedPrivileges(user).some((privilege) => (privilege.app ?? []).includes(appId));
  }
}
