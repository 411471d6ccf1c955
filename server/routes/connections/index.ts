import type { RouteDependencies } from '../types';
import { registerAuthorizeConnectionRoute } from './authorize_connection';
import { registerBackfillConnectionRoute } from './backfill_connection';
import { registerCreateConnectionRoute } from './create_connection';
import { registerDeleteConnectionRoute } from './delete_connection';
import { registerGetConnectionRoute } from './get_connection';
import { registerListConnectionsRoute } from './list_connections';
import { registerRunConnectionRoute } from './run_connection';
import { registerUpdateConnectionRoute } from './update_connection';

/** The settings page's connection routes (the test and domain lookup routes register apart). */
export function registerConnectionRoutes(dependencies: RouteDependencies) {
  registerListConnectionsRoute(dependencies);
  registerGetConnectionRoute(dependencies);
  registerCreateConnectionRoute(dependencies);
  registerUpdateConnectionRoute(dependencies);
  registerDeleteConnectionRoute(dependencies);
  registerRunConnectionRoute(dependencies);
  registerBackfillConnectionRoute(dependencies);
  registerAuthorizeConnectionRoute(dependencies);
}
