import type { HostedPlugin } from './host_plugin';
import { readPluginManifest } from './plugin_manifest';

/** Our plugin, loaded from its server entry as Kibana would load it. */
export function exchangeMessageTracePlugin(): HostedPlugin {
  const manifest = readPluginManifest();
  return {
    id: manifest.id,
    configPath: manifest.configPath[0]!,
    requiredPlugins: manifest.requiredPlugins,
    optionalPlugins: manifest.optionalPlugins,
    load: () => import('../../server') as never,
  };
}
