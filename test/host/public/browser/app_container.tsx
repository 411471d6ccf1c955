import { useEffect, useRef, useState } from 'react';
import { EuiCallOut, EuiPageTemplate } from '@elastic/eui';
import type { App, AppMountParameters, AppUnmount, CoreTheme } from '@kbn/core/public';
import type { BehaviorSubject } from 'rxjs';
import { appIdOf, type ApplicationService } from './application_service';
import { AppNotFound } from './app_not_found';
import type { ChromeService } from './chrome_service';
import { createScopedHistory } from './scoped_history';
import { useBehaviorSubject } from './use_observable';

interface AppContainerProps {
  basePath: string;
  application: ApplicationService;
  chrome: ChromeService;
  theme$: BehaviorSubject<CoreTheme>;
}

const wrapperStyle = {
  display: 'flex',
  flexDirection: 'column',
  flexGrow: 1,
  minHeight: '100vh',
} as const;

/** Mounts the app for `/app/<appId>` (and unmounts it on the way out), as Kibana's AppRouter. */
export function AppContainer({ basePath, application, chrome, theme$ }: AppContainerProps) {
  const location = useBehaviorSubject(application.location$);
  const appId = appIdOf(location.pathname);
  const app = appId === undefined ? undefined : application.apps.get(appId);
  if (!app || !application.isAccessible(app)) {
    return (
      <div className="kbnAppWrapper" style={wrapperStyle}>
        <AppNotFound />
      </div>
    );
  }
  return (
    <MountedApp
      key={app.id}
      app={app}
      basePath={basePath}
      application={application}
      chrome={chrome}
      theme$={theme$}
    />
  );
}

function MountedApp({
  app,
  basePath,
  application,
  chrome,
  theme$,
}: AppContainerProps & { app: App<unknown> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Error>();

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const appBasePath = `${basePath}/app/${app.id}`;
    const params: AppMountParameters<unknown> = {
      element,
      history: createScopedHistory(appBasePath),
      appBasePath,
      onAppLeave: (handler) => application.setAppLeaveHandler(handler),
      setHeaderActionMenu: (mount) => chrome.actionMenu$.next(mount),
      theme$: theme$.asObservable(),
    };
    let unmount: AppUnmount | undefined;
    let cancelled = false;
    // Outside React's commit phase: apps render with their own (legacy) React root.
    Promise.resolve()
      .then(() => (cancelled ? undefined : app.mount(params)))
      .then(
        (appUnmount) => {
          if (cancelled) appUnmount?.();
          else unmount = appUnmount;
        },
        (error: Error) => {
          console.error(`Failed to mount application "${app.id}"`, error);
          if (!cancelled) setFailure(error);
        }
      );
    return () => {
      cancelled = true;
      application.setAppLeaveHandler(undefined);
      chrome.resetForApp();
      if (unmount) queueMicrotask(unmount);
    };
  }, [app, basePath, application, chrome, theme$]);

  return (
    <div className="kbnAppWrapper" style={wrapperStyle} data-test-subj={`appContainer-${app.id}`}>
      {failure && (
        <EuiPageTemplate>
          <EuiPageTemplate.Section>
            <EuiCallOut color="danger" iconType="error" title={`Unable to mount ${app.title}`}>
              {failure.message}
            </EuiCallOut>
          </EuiPageTemplate.Section>
        </EuiPageTemplate>
      )}
      <div ref={ref} style={failure ? { display: 'none' } : wrapperStyle} />
    </div>
  );
}
