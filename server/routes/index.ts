import { registerStatusRoute } from './status';
import type { RouteDependencies } from './types';

export function registerRoutes(dependencies: RouteDependencies) {
  registerStatusRoute(dependencies);
}
