/**
 * `GET /{v1.0|beta}/domains`: the tenant's domains, so a collector can tell inbound from outbound
 * without the admin typing them. Needs Domain.Read.All (or Directory.Read.All); without it the
 * directory answers 403 Authorization_RequestDenied.
 */
import { graphErrors } from './graph_errors';
import { jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';
import { GRAPH_JSON } from './message_traces_route';
import type { EmulatedTenant } from './tenant_registry';

export function listDomains(
  request: EmulatorRequest,
  nowMs: number,
  tenant: EmulatedTenant,
  roles: readonly string[],
  version: string
): EmulatorResponse {
  if (
    !roles.some(
      (r) => r === 'Domain.Read.All' || r === 'Directory.Read.All' || r === 'Domain.ReadWrite.All'
    )
  ) {
    return graphErrors.directoryDenied(request, nowMs);
  }
  return jsonResponse(
    200,
    {
      '@odata.context': `${request.origin}/${version}/$metadata#domains`,
      value: tenant.domains.map((d) => ({
        authenticationType: 'Managed',
        availabilityStatus: null,
        id: d.id,
        isAdminManaged: true,
        isDefault: d.isDefault,
        isInitial: d.isInitial,
        isRoot: d.id.split('.').length === 2 || d.id.endsWith('.co.uk') || d.isInitial,
        isVerified: d.isVerified,
        supportedServices: d.isInitial ? ['Email', 'OfficeCommunicationsOnline'] : ['Email'],
        passwordValidityPeriodInDays: 2147483647,
        passwordNotificationWindowInDays: 14,
        state: null,
      })),
    },
    { 'Content-Type': GRAPH_JSON }
  );
}
