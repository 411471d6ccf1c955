import { type ReactNode } from 'react';
import { EuiProvider } from '@elastic/eui';
import type { BehaviorSubject } from 'rxjs';
import type { CoreTheme, RenderingService } from '@kbn/core/public';
import { ErrorBoundary } from './error_boundary';
import { useBehaviorSubject } from './use_observable';

function HostRenderContext({
  theme$,
  children,
}: {
  theme$: BehaviorSubject<CoreTheme>;
  children?: ReactNode;
}) {
  const { darkMode } = useBehaviorSubject(theme$);
  // The chrome's root provider owns the global styles and utility classes (as Kibana's root does).
  return (
    <EuiProvider
      colorMode={darkMode ? 'dark' : 'light'}
      globalStyles={false}
      utilityClasses={false}
    >
      <ErrorBoundary>{children}</ErrorBoundary>
    </EuiProvider>
  );
}

/** `core.rendering.addContext`: the EUI theme (light or dark) and an error boundary. */
export function createRenderingService(theme$: BehaviorSubject<CoreTheme>): RenderingService {
  return {
    addContext: (element) => <HostRenderContext theme$={theme$}>{element}</HostRenderContext>,
  };
}
