import Module from 'node:module';
import path from 'node:path';

/**
 * Kibana resolves `@kbn/*` from its own node_modules. Outside Kibana, the entry files' runtime
 * imports resolve to the host's stand-ins; every other `@kbn/*` import in the plugin is type-only.
 */
const STAND_INS: Record<string, string> = {
  '@kbn/config-schema': path.join(__dirname, 'config_schema'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const originalResolve = moduleWithResolver._resolveFilename;

export function registerKbnModules() {
  if (moduleWithResolver._resolveFilename !== originalResolve) return;
  moduleWithResolver._resolveFilename = function resolve(request, ...rest) {
    const standIn = STAND_INS[request];
    if (standIn) return originalResolve.call(this, standIn, ...rest);
    if (request.startsWith('@kbn/')) {
      throw new Error(
        `${request} has no stand-in in the host: use 'import type' for it in the plugin`
      );
    }
    return originalResolve.call(this, request, ...rest);
  };
}
