import { EuiProvider } from '@elastic/eui';
import type { HostMetadata } from '../host_metadata';
import { AppContainer } from './app_container';
import type { ApplicationService } from './application_service';
import type { ChromeService } from './chrome_service';
import { GlobalToasts } from './global_toasts';
import { Header } from './header';
import type { ThemeService } from './theme_service';
import type { ToastsService } from './toasts_service';
import { useBehaviorSubject } from './use_observable';

export interface ChromeRootProps {
  metadata: HostMetadata;
  application: ApplicationService;
  chrome: ChromeService;
  theme: ThemeService;
  toasts: ToastsService;
}

/** The page around the apps: header, side nav, the mounted app, toasts. */
export function ChromeRoot({ metadata, application, chrome, theme, toasts }: ChromeRootProps) {
  const { darkMode } = useBehaviorSubject(theme.theme$);
  return (
    <EuiProvider colorMode={darkMode ? 'dark' : 'light'}>
      <Header metadata={metadata} application={application} chrome={chrome} theme={theme} />
      <AppContainer
        basePath={metadata.basePath}
        application={application}
        chrome={chrome}
        theme$={theme.theme$}
      />
      <GlobalToasts toasts={toasts} />
    </EuiProvider>
  );
}
