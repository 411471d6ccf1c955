import type { UiSettingsUserValues } from '../ui_settings/ui_settings_client';

/**
 * What the host's page hands the browser bootstrap, like Kibana's injected metadata: embedded as
 * `<script id="host-metadata" type="application/json">`. Shared by the server and browser halves.
 */
export interface HostMetadataUser {
  username: string;
  fullName: string;
}

export interface HostMetadata {
  basePath: string;
  kibanaVersion: string;
  user: HostMetadataUser;
  /** `application.capabilities` by feature; navLinks are resolved by POST /api/core/capabilities. */
  capabilities: Record<string, Record<string, boolean>>;
  /** Everyone the user switcher offers (the host's stand-in for logging in as someone else). */
  users: HostMetadataUser[];
  /** Where the esbuild output is served: `<basePath>/host/public`. */
  assetsPath: string;
  /** The user's Advanced Settings values (Kibana injects them as `uiSettings.user`). */
  uiSettings: UiSettingsUserValues;
  /** The browser plugin's manifest dependencies, as Kibana injects them in `uiPlugins[].plugin`. */
  plugin: { id: string; requiredPlugins: string[]; optionalPlugins: string[] };
}

export const HOST_METADATA_ELEMENT_ID = 'host-metadata';
export const CHARTS_THEME_ELEMENT_ID = 'host-charts-theme';
