import type { Authentication } from './authentication';

/** Who made a request, as Kibana's authenticator recorded it for `getCurrentUser`. */
const authenticationByRequest = new WeakMap<object, Authentication>();

export function bindAuthentication(request: object, authentication: Authentication) {
  authenticationByRequest.set(request, authentication);
}

export function authenticationOf(request: object): Authentication | undefined {
  return authenticationByRequest.get(request);
}
