import type { KibanaRequest } from '@kbn/core/server';
import type { HostUser } from './users';

/** Who made a request, the way Kibana's security plugin knows it from the session. */
const usersByRequest = new WeakMap<object, HostUser>();

export function bindUser(request: KibanaRequest, user: HostUser) {
  usersByRequest.set(request, user);
}

export function userOf(request: object): HostUser | undefined {
  return usersByRequest.get(request);
}
