import type {
  IKibanaResponse,
  KibanaRequest,
  KibanaResponseFactory,
  RequestHandlerContext,
} from '@kbn/core/server';
import { localDomainsIn } from '../../lib/views/local_domains';
import { viewIndex, type ViewTarget } from '../../lib/views/view_scope';
import { assertIndexPrivileges } from '../../services/index_privileges';
import type { ExchangeMessageTraceServices } from '../../types';
import { answerWith } from '../error_response';
import type { RequestInput } from '../elasticsearch_refusals';
import { abortSignalOf } from '../request_signal';
import type { RouteDependencies } from '../types';

/**
 * A view's answer over the body's scope: searched as the user (viewTargetOf), stopped when the
 * client goes away, and Elasticsearch's refusals of the body's fields answered as 400s.
 */
export function answerView<Body extends RequestInput & { namespaces?: string[] }>(
  dependencies: RouteDependencies,
  context: RequestHandlerContext,
  request: KibanaRequest<unknown, unknown, Body>,
  response: KibanaResponseFactory,
  answer: (target: ViewTarget, services: ExchangeMessageTraceServices) => Promise<IKibanaResponse>
): Promise<IKibanaResponse> {
  return answerWith(
    response,
    async () => {
      const signal = abortSignalOf(request);
      const services = await dependencies.getServices();
      return answer(await viewTargetOf(context, signal, services, request.body), services);
    },
    request.body
  );
}

/**
 * The scope's data streams, searched with the user's own privileges. Those are checked first: a
 * search over data streams the user may not read answers with nothing rather than a refusal, and
 * empty views would look like a quiet tenant. The searches stop when `signal` aborts (the
 * request's, taken before the handler's first wait: see abortSignalOf).
 */
export async function viewTargetOf(
  context: RequestHandlerContext,
  signal: AbortSignal,
  services: Pick<ExchangeMessageTraceServices, 'dataset' | 'latestStatusCache'>,
  scope: { namespaces?: string[] } = {}
): Promise<ViewTarget> {
  const { elasticsearch } = await context.core;
  const client = elasticsearch.client.asCurrentUser;
  const index = viewIndex(services.dataset, scope.namespaces);
  await assertIndexPrivileges(
    client,
    index.split(','),
    ['read'],
    'the views read the message traces with your own Elasticsearch privileges. Ask an ' +
      'administrator to add it to your role.'
  );
  return { client, index, latestStatusCache: services.latestStatusCache, signal };
}

/** Our domains, from the connections the view reads (all when it names none). */
export async function localDomainsOf(
  services: Pick<ExchangeMessageTraceServices, 'connections'>,
  request: KibanaRequest,
  scope: { connectionIds?: string[]; namespaces?: string[] }
): Promise<string[]> {
  return localDomainsIn(await services.connections.listSettings(request), scope);
}
