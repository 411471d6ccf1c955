import type { ReactElement } from 'react';
import ReactDOM from 'react-dom';
import type { CoreStart, MountPoint } from '@kbn/core/public';

/**
 * A React element where Kibana takes a MountPoint (an app, a toast's text), rendered in React 18's
 * legacy root as Kibana 9.1+ does; `rendering.addContext` supplies the EUI theme, i18n and error
 * boundary Kibana's own apps get.
 */
export function reactMountPoint(
  core: Pick<CoreStart, 'rendering'>,
  element: ReactElement
): MountPoint {
  return (target) => {
    ReactDOM.render(core.rendering.addContext(element), target);
    return () => ReactDOM.unmountComponentAtNode(target);
  };
}
