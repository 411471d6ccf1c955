import { normalizeDomain } from '../ecs/direction';

interface ConnectionDomains {
  id: string;
  settings: { namespace: string; localDomains: readonly string[] };
}

/** Our domains, from the connections a scope reads (all when it names none). */
export function localDomainsIn(
  connections: readonly ConnectionDomains[],
  scope: { connectionIds?: string[]; namespaces?: string[] }
): string[] {
  const chosen = connections.filter(
    ({ id, settings }) =>
      (!scope.connectionIds?.length || scope.connectionIds.includes(id)) &&
      (!scope.namespaces?.length || scope.namespaces.includes(settings.namespace))
  );
  return [...new Set(chosen.flatMap(({ settings }) => settings.localDomains.map(normalizeDomain)))];
}
