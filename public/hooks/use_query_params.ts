import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

export type QueryParams = Record<string, string | undefined>;

/**
 * A page's state in its URL's query string, so a view can be shared and the back button undoes a
 * change: every change is a history entry (or replaces the current one when asked).
 */
export function useQueryParams(): [QueryParams, (changes: QueryParams, replace?: boolean) => void] {
  const { search, pathname } = useLocation();
  const history = useHistory();
  const params = useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (changes: QueryParams, replace = false) => {
      const next = new URLSearchParams(history.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      const location = { pathname, search: next.toString() ? `?${next.toString()}` : '' };
      if (location.search === history.location.search) return;
      if (replace) history.replace(location);
      else history.push(location);
    },
    [history, pathname]
  );
  return [params, update];
}

/** A comma-separated list parameter. */
export const listParam = (value: string | undefined): string[] =>
  value ? value.split(',').filter((item) => item.length > 0) : [];
