import type { PluginConfigDescriptor, PluginInitializerContext } from '@kbn/core/server';

/** A server plugin as Kibana loads it: the module of its `server/index` plus its manifest. */
export interface HostedPlugin {
  id: string;
  configPath: string;
  requiredPlugins: string[];
  optionalPlugins: string[];
  load(): Promise<{
    plugin(context: PluginInitializerContext): unknown;
    config?: PluginConfigDescriptor<unknown>;
  }>;
}

export interface PluginInstance {
  setup(core: unknown, plugins: unknown): unknown;
  start(core: unknown, plugins: unknown): unknown;
  stop?(): unknown;
}
