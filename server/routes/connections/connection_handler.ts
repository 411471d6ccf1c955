import { ConnectionService } from '../../services/connection_service';
import type { RouteDependencies } from '../types';

/** The started services' connection operations; routes wait for the plugin to have started. */
export async function connectionServiceOf({ getServices }: Pick<RouteDependencies, 'getServices'>) {
  return new ConnectionService(await getServices());
}
