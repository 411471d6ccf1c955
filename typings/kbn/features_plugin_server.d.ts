/*
 * Ambient declarations for the subset of `@kbn/features-plugin/server` this plugin uses.
 */
declare module '@kbn/features-plugin/server' {
  import type { AppCategory } from '@kbn/core/server';

  // @kbn/licensing-types LicenseType (imported by features/common/sub_feature.ts)
  // UNCONFIRMED: the union's members were not re-read for 9.5 (stable since 7.x).
  export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

  // x-pack/platform/plugins/shared/features/common/alerting_kibana_privilege.ts @ 74bf8accd0
  export type AlertingKibanaPrivilege = ReadonlyArray<{
    ruleTypeId: string;
    consumers: readonly string[];
  }>;

  // x-pack/platform/plugins/shared/features/common/feature_kibana_privileges.ts @ 1064da9d2c
  // (cases, composedOf, replacedBy omitted)
  export interface FeatureKibanaPrivileges {
    excludeFromBasePrivileges?: boolean;
    requireAllSpaces?: boolean;
    disabled?: boolean;
    management?: {
      [sectionId: string]: readonly string[];
    };
    catalogue?: readonly string[];
    api?: readonly string[];
    app?: readonly string[];
    alerting?: {
      rule?: {
        all?: AlertingKibanaPrivilege;
        read?: AlertingKibanaPrivilege;
        enable?: AlertingKibanaPrivilege;
        manual_run?: AlertingKibanaPrivilege;
        manage_rule_settings?: AlertingKibanaPrivilege;
      };
      alert?: { all?: AlertingKibanaPrivilege; read?: AlertingKibanaPrivilege };
    };
    savedObject: {
      all: readonly string[];
      read: readonly string[];
    };
    ui: readonly string[];
  }

  // x-pack/platform/plugins/shared/features/common/sub_feature.ts (replacedBy omitted)
  export type SubFeaturePrivilegeGroupType = 'mutually_exclusive' | 'independent';
  export interface SubFeaturePrivilegeConfig
    extends Omit<FeatureKibanaPrivileges, 'excludeFromBasePrivileges'> {
    id: string;
    name: string;
    includeIn: 'all' | 'read' | 'none';
    minimumLicense?: LicenseType;
  }
  export interface SubFeaturePrivilegeGroupConfig {
    groupType: SubFeaturePrivilegeGroupType;
    privileges: readonly SubFeaturePrivilegeConfig[];
  }
  export interface SubFeatureConfig {
    name: string;
    requireAllSpaces?: boolean;
    privilegesTooltip?: string;
    privilegeGroups: readonly SubFeaturePrivilegeGroupConfig[];
    description?: string;
  }

  // x-pack/platform/plugins/shared/features/common/kibana_feature.ts
  // `scope` is NOT declared: server/feature_schema.ts @ 2549770c has no such key (PR #234146 removed it)
  // and rejects unknown keys, so a feature carrying it would fail registration. cases, reserved and
  // deprecated are also omitted.
  export interface KibanaFeatureConfig {
    id: string;
    name: string;
    description?: string;
    category: AppCategory;
    order?: number;
    excludeFromBasePrivileges?: boolean;
    minimumLicense?: LicenseType;
    app: readonly string[];
    management?: {
      [sectionId: string]: readonly string[];
    };
    catalogue?: readonly string[];
    /** The rule types the feature's privileges may grant, each with the consumers it may be created as. */
    alerting?: AlertingKibanaPrivilege;
    privileges: {
      all: FeatureKibanaPrivileges;
      read: FeatureKibanaPrivileges;
    } | null;
    subFeatures?: readonly SubFeatureConfig[];
    privilegesTooltip?: string;
    /**
     * Registration refuses `hidden: true` with `Feature <id> cannot be hidden.` unless `privileges`
     * is `null` and the feature has `reserved` privileges (which this declaration leaves out, so no
     * feature built on it may be hidden); `hidden: false` is accepted. Other features are hidden only
     * by the features plugin's configuration overrides (feature_registry.ts `applyOverrides`).
     * x-pack/platform/plugins/shared/features/server/feature_schema.ts @ 2549770c
     * (`validateKibanaFeature`); introduced around PR #231533 (2025-08).
     */
    hidden?: boolean;
  }

  // x-pack/platform/plugins/shared/features/server/plugin.d.ts (FeaturesPluginSetup; other members omitted)
  export interface FeaturesPluginSetup {
    registerKibanaFeature(feature: KibanaFeatureConfig): void;
  }
}
