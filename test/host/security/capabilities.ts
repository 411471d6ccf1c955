import type { Client } from '@elastic/elasticsearch';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { actions, checkPrivileges } from './feature_privileges';

export type Capabilities = Record<string, Record<string, boolean>>;

/**
 * `application.capabilities` for the caller: every feature's UI capabilities and the apps' nav
 * links, each true only where Elasticsearch says the caller holds its `ui:` action, as Kibana's
 * capabilities switcher decides (x-pack/platform/plugins/shared/security/server/authorization/
 * disable_ui_capabilities.ts @ 7d915d1e: `ui:<feature>/<capability>`, `ui:navLinks/<app>`).
 */
export async function resolveCapabilities(
  asCaller: Client,
  application: string,
  features: readonly KibanaFeatureConfig[],
  applications: readonly string[]
): Promise<Capabilities> {
  const uiOf = (feature: KibanaFeatureConfig) => [
    ...new Set(Object.values(feature.privileges ?? {}).flatMap((privilege) => privilege?.ui ?? [])),
  ];
  const requested = [
    ...features.flatMap((feature) => uiOf(feature).map((ui) => actions.ui(feature.id, ui))),
    ...applications.map((app) => actions.ui('navLinks', app)),
  ];
  const held = requested.length > 0 ? await checkPrivileges(asCaller, application, requested) : {};
  const capabilities: Capabilities = {
    navLinks: Object.fromEntries(
      applications.map((app) => [app, held[actions.ui('navLinks', app)] === true])
    ),
    management: {},
    catalogue: {},
  };
  for (const feature of features) {
    capabilities[feature.id] = Object.fromEntries(
      uiOf(feature).map((ui) => [ui, held[actions.ui(feature.id, ui)] === true])
    );
  }
  return capabilities;
}
