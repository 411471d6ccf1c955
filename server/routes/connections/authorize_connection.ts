import type { RouteDependencies } from '../types';
import { registerConnectionActionRoute } from './connection_action_route';

/** Grants a new writer API key for the caller and resumes collection (re-authorise). */
export function registerAuthorizeConnectionRoute(dependencies: RouteDependencies) {
  registerConnectionActionRoute(dependencies, '_authorize', (service, request, id) =>
    service.authorize(request, id)
  );
}
