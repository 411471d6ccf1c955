import { BehaviorSubject } from 'rxjs';
import type { ChromeBreadcrumb, ChromeStart, MountPoint } from '@kbn/core/public';

export interface ChromeService extends ChromeStart {
  breadcrumbs$: BehaviorSubject<ChromeBreadcrumb[]>;
  /** What the mounted app gave `setHeaderActionMenu`. */
  actionMenu$: BehaviorSubject<MountPoint | undefined>;
  /** Back to a blank header when an app unmounts. */
  resetForApp(): void;
}

const PRODUCT_TITLE = 'Elastic';

/** `core.chrome`: breadcrumbs and document title, rendered by the host's header. */
export function createChromeService(): ChromeService {
  const breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  const actionMenu$ = new BehaviorSubject<MountPoint | undefined>(undefined);
  const docTitle = {
    change: (title: string | string[]) => {
      document.title = [...(Array.isArray(title) ? title : [title]), PRODUCT_TITLE].join(' - ');
    },
    reset: () => {
      document.title = PRODUCT_TITLE;
    },
  };
  return {
    breadcrumbs$,
    actionMenu$,
    docTitle,
    setBreadcrumbs: (breadcrumbs) => breadcrumbs$.next(breadcrumbs),
    resetForApp: () => {
      breadcrumbs$.next([]);
      actionMenu$.next(undefined);
      docTitle.reset();
    },
  };
}
