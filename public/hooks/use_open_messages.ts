import { useCallback } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { viewScopeSearch } from '../components/view_filters/use_view_scope';
import type { QueryParams } from './use_query_params';

/** Opens the messages page with this page's time range and sources and the given search. */
export function useOpenMessages() {
  const history = useHistory();
  const { search } = useLocation();
  return useCallback(
    (messageSearch: QueryParams) =>
      history.push({ pathname: '/messages', search: viewScopeSearch(search, messageSearch) }),
    [history, search]
  );
}
