import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { App } from './components/app';
import { reactMountPoint } from './components/react_mount_point';

export function renderApp(core: CoreStart, params: AppMountParameters) {
  return reactMountPoint(core, <App core={core} history={params.history} />)(params.element);
}
