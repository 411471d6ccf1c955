import type { RouteDependencies } from '../types';
import { registerConnectionActionRoute } from './connection_action_route';

/** Runs collection now; 409 while a run is in progress or when the connection is disabled. */
export function registerRunConnectionRoute(dependencies: RouteDependencies) {
  registerConnectionActionRoute(dependencies, '_run', (service, request, id) =>
    service.runNow(request, id)
  );
}
