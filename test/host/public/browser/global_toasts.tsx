import { EuiGlobalToastList, type EuiGlobalToastListToast } from '@elastic/eui';
import type { MountPoint, Toast } from '@kbn/core/public';
import { MountPointSlot } from './mount_point_slot';
import type { ToastsService } from './toasts_service';
import { useBehaviorSubject } from './use_observable';

function content(value: string | MountPoint | undefined) {
  return typeof value === 'function' ? <MountPointSlot mount={value} /> : value;
}

function toEuiToast({ title, text, ...toast }: Toast): EuiGlobalToastListToast {
  return { ...toast, title: content(title), text: content(text) };
}

/** `core.notifications.toasts`, rendered bottom right as Kibana does. */
export function GlobalToasts({ toasts }: { toasts: ToastsService }) {
  const list = useBehaviorSubject(toasts.toasts$);
  return (
    <EuiGlobalToastList
      data-test-subj="globalToastList"
      toasts={list.map(toEuiToast)}
      dismissToast={(toast) => toasts.remove(String(toast.id))}
      toastLifeTimeMs={10_000}
    />
  );
}
