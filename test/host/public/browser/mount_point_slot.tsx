import { useEffect, useRef } from 'react';
import type { MountPoint } from '@kbn/core/public';

/**
 * Renders a MountPoint (a function that renders into an element, usually with its own React
 * root). Mounting and unmounting wait for a microtask: a legacy `ReactDOM.render` or
 * `unmountComponentAtNode` inside React's commit phase warns "flushSync was called from inside a
 * lifecycle method".
 */
export function MountPointSlot({
  mount,
  ...rest
}: {
  mount: MountPoint;
  'data-test-subj'?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let unmount: (() => void) | undefined;
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) unmount = mount(element);
    });
    return () => {
      cancelled = true;
      if (unmount) queueMicrotask(unmount);
    };
  }, [mount]);
  return <div ref={ref} {...rest} />;
}
