/*
 * Ambient declarations for the subset of `@kbn/actions-plugin/server` a rule-type plugin may read.
 * x-pack/platform/plugins/shared/actions/server/plugin.ts (PluginSetupContract, PluginStartContract;
 * registerType, registerSubActionConnectorType, getActionsClientWithRequest and the rest omitted).
 */
declare module '@kbn/actions-plugin/server' {
  // Without members a plugin that only lists `actions` as optional reads nothing at setup.
  export type PluginSetupContract = object;
  export interface PluginStartContract {
    /** False when the connector type is disabled by configuration or the license is too low. */
    isActionTypeEnabled(id: string, options?: { notifyUsage: boolean }): boolean;
  }
}
