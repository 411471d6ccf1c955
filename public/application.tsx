import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { App } from './components/app';

/**
 * Kibana 9.1+ renders apps in React 18's legacy root; `rendering.addContext` supplies the EUI
 * theme, i18n and error boundary Kibana's own apps get.
 */
export function renderApp(
  core: CoreStart,
  params: AppMountParameters,
  { alertingUi }: { alertingUi: boolean }
) {
  ReactDOM.render(
    core.rendering.addContext(<App core={core} history={params.history} alertingUi={alertingUi} />),
    params.element
  );
  return () => ReactDOM.unmountComponentAtNode(params.element);
}
