import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { App } from './components/app';
import { reactMountPoint } from './components/react_mount_point';

export function renderApp(
  core: CoreStart,
  params: AppMountParameters,
  { alertingUi }: { alertingUi: boolean }
) {
  return reactMountPoint(
    core,
    <App core={core} history={params.history} alertingUi={alertingUi} />
  )(params.element);
}
