import type {
  IKibanaResponse,
  KibanaRequest,
  KibanaResponseFactory,
  RequestHandlerContext,
} from '@kbn/core/server';
import { BudgetWaitTooLong } from '../../lib/budget/request_budget';
import { normalizeDomain } from '../../lib/ecs/direction';
import { GraphError } from '../../lib/graph/graph_error';
import { viewIndex, type ViewTarget } from '../../lib/views/view_scope';
import { errorStatus } from '../../lib/writer/es_errors';
import type { ExchangeMessageTraceServices } from '../../plugin';
import { ConnectionNotFoundError } from '../../services/connection_errors';
import { KnownSenderNotFoundError } from '../../services/known_sender_store';

/** The scope's data streams, searched with the user's own privileges. */
export async function viewTargetOf(
  context: RequestHandlerContext,
  services: Pick<ExchangeMessageTraceServices, 'dataset' | 'latestStatusCache'>,
  scope: { namespaces?: string[] } = {}
): Promise<ViewTarget> {
  const { elasticsearch } = await context.core;
  return {
    client: elasticsearch.client.asCurrentUser,
    index: viewIndex(services.dataset, scope.namespaces),
    latestStatusCache: services.latestStatusCache,
  };
}

/** Our domains, from the connections the view reads (all when it names none). */
export async function localDomainsOf(
  services: Pick<ExchangeMessageTraceServices, 'connections'>,
  request: KibanaRequest,
  scope: { connectionIds?: string[]; namespaces?: string[] }
): Promise<string[]> {
  const connections = await services.connections.list(request);
  const chosen = connections.filter(
    ({ id, settings }) =>
      (!scope.connectionIds?.length || scope.connectionIds.includes(id)) &&
      (!scope.namespaces?.length || scope.namespaces.includes(settings.namespace))
  );
  return [...new Set(chosen.flatMap(({ settings }) => settings.localDomains.map(normalizeDomain)))];
}

/** The failures a view expects, as their own statuses; anything else stays a 500. */
export async function answerView(
  response: KibanaResponseFactory,
  handle: () => Promise<IKibanaResponse>
): Promise<IKibanaResponse> {
  try {
    return await handle();
  } catch (error) {
    const body = { message: (error as Error).message };
    if (error instanceof RangeError) return response.badRequest({ body });
    if (error instanceof KnownSenderNotFoundError || error instanceof ConnectionNotFoundError) {
      return response.notFound({ body });
    }
    if (error instanceof BudgetWaitTooLong) {
      return response.customError({
        statusCode: 429,
        body: {
          message: `The tenant's Microsoft Graph request budget is used up until ${new Date(
            error.availableAt
          ).toISOString()}; try again then`,
        },
      });
    }
    if (error instanceof GraphError) {
      if (error.kind === 'notFound') return response.notFound({ body });
      return response.customError({
        statusCode: 502,
        body: { message: `Microsoft Graph: ${error.message}` },
      });
    }
    // The user may not read the data streams: Elasticsearch's own words say which privilege.
    if (errorStatus(error) === 403) return response.forbidden({ body });
    throw error;
  }
}
