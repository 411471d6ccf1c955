import { useEffect, useState } from 'react';
import { Redirect, useLocation } from 'react-router-dom';
import { EuiLoadingSpinner, EuiPageTemplate } from '@elastic/eui';
import { landingPageFor } from '../app_pages';
import { useAppServices } from './app_services';

/**
 * The app's root (and any unknown path) opens the landing page for what is set up: it asks for
 * the connections once. A failed answer opens Settings, which shows why.
 */
export function LandingRedirect() {
  const { api } = useAppServices();
  const { search } = useLocation();
  const [hasConnections, setHasConnections] = useState<boolean>();
  useEffect(() => {
    const controller = new AbortController();
    api.list(controller.signal).then(
      ({ connections }) => setHasConnections(connections.length > 0),
      () => {
        if (!controller.signal.aborted) setHasConnections(false);
      }
    );
    return () => controller.abort();
  }, [api]);
  if (hasConnections === undefined) {
    return (
      <EuiPageTemplate.EmptyPrompt
        icon={<EuiLoadingSpinner size="xl" />}
        data-test-subj="emtLanding"
      />
    );
  }
  return <Redirect to={{ pathname: landingPageFor(hasConnections).path, search }} />;
}
