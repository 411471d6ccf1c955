import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';
import {
  ConnectionConflictError,
  ConnectionNotFoundError,
  InvalidConnectionRequestError,
} from '../../services/connection_errors';
import { ConnectionService } from '../../services/connection_service';
import type { RouteDependencies } from '../types';

/** The started services' connection operations; routes wait for the plugin to have started. */
export async function connectionServiceOf({ getServices }: Pick<RouteDependencies, 'getServices'>) {
  return new ConnectionService(await getServices());
}

/** Kibana answers a thrown error with a 500, so the expected ones become their own status here. */
export async function answerWith(
  response: KibanaResponseFactory,
  handle: () => Promise<IKibanaResponse>
): Promise<IKibanaResponse> {
  try {
    return await handle();
  } catch (error) {
    const body = { message: (error as Error).message };
    if (error instanceof ConnectionNotFoundError) return response.notFound({ body });
    if (error instanceof InvalidConnectionRequestError) return response.badRequest({ body });
    if (error instanceof ConnectionConflictError) return response.conflict({ body });
    throw error;
  }
}
