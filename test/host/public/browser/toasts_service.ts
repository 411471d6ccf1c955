import { BehaviorSubject } from 'rxjs';
import type { IToasts, Toast, ToastInput, ToastInputFields, ToastOptions } from '@kbn/core/public';

const DEFAULT_LIFETIME_MS = 10_000;
const ERROR_LIFETIME_MS = 300_000;

export interface ToastsService extends IToasts {
  toasts$: BehaviorSubject<Toast[]>;
}

function normalize(input: ToastInput): ToastInputFields {
  return typeof input === 'string' ? { title: input } : input;
}

/** `core.notifications.toasts`: the list that GlobalToasts renders with EuiGlobalToastList. */
export function createToastsService(): ToastsService {
  const toasts$ = new BehaviorSubject<Toast[]>([]);
  let counter = 0;

  const add = (input: ToastInput): Toast => {
    const toast: Toast = {
      toastLifeTimeMs: DEFAULT_LIFETIME_MS,
      ...normalize(input),
      id: String(counter++),
    };
    toasts$.next([...toasts$.getValue(), toast]);
    return toast;
  };
  const withStyle =
    (color: ToastInputFields['color'], iconType: string) =>
    (input: ToastInput, options?: ToastOptions): Toast =>
      add({ color, iconType, ...normalize(input), ...options });

  return {
    toasts$,
    get$: () => toasts$.asObservable(),
    add,
    remove: (toastOrId) => {
      const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
      toasts$.next(toasts$.getValue().filter((toast) => toast.id !== id));
    },
    addInfo: withStyle('primary', 'iInCircle'),
    addSuccess: withStyle('success', 'check'),
    addWarning: withStyle('warning', 'help'),
    addDanger: withStyle('danger', 'error'),
    addError: (error, { title, toastMessage, ...options }) =>
      add({
        color: 'danger',
        iconType: 'error',
        title,
        text: toastMessage ?? error.message,
        toastLifeTimeMs: ERROR_LIFETIME_MS,
        'data-test-subj': 'errorToast',
        ...options,
      }),
  };
}
