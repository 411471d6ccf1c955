import { useCallback, type MouseEvent } from 'react';
import { useHistory } from 'react-router-dom';

export interface InAppLocation {
  pathname: string;
  search: string;
}

/**
 * An in-app link's `href` and `onClick`: a plain click navigates inside the app (no reload); a
 * modified or middle click is left to the browser (a new tab).
 */
export function useInAppLink() {
  const history = useHistory();
  return useCallback(
    (location: InAppLocation) => ({
      href: history.createHref(location),
      onClick: (event: MouseEvent) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        history.push(location);
      },
    }),
    [history]
  );
}
