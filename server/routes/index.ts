import { registerDiscoverDomainsRoute } from './connections/discover_domains';
import { registerTestConnectionRoute } from './connections/test_connection';
import { registerConnectionRoutes } from './connections';
import { registerStatusRoute } from './status';
import { registerViewRoutes } from './views';
import { registerImportFileRoute } from './files/import_file';
import type { RouteDependencies } from './types';

export function registerRoutes(dependencies: RouteDependencies) {
  registerStatusRoute(dependencies);
  registerConnectionRoutes(dependencies);
  registerTestConnectionRoute(dependencies);
  registerDiscoverDomainsRoute(dependencies);
  registerImportFileRoute(dependencies);
  registerViewRoutes(dependencies);
}
