import { useCallback, useMemo, useState } from 'react';
import { resolveDateMath } from '../../../common/date_math';
import type { ViewScope } from '../../../common/http_api/views';
import { listParam, useQueryParams, type QueryParams } from '../../hooks/use_query_params';

export const DEFAULT_START = 'now-24h';
export const DEFAULT_END = 'now';

/** The URL parameters every view shares: they travel with a tab switch or a link to another view. */
export const VIEW_SCOPE_PARAMS = ['start', 'end', 'connections', 'namespaces'] as const;

/** Only the shared parameters of a query string, as a query string. */
export function viewScopeSearch(search: string, extra: QueryParams = {}): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of VIEW_SCOPE_PARAMS) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) kept.set(key, value);
  return kept.toString() ? `?${kept.toString()}` : '';
}

export interface ViewScopeState {
  /** Date math as the date picker shows it (`now-24h`) or an absolute ISO date. */
  start: string;
  end: string;
  connectionIds: string[];
  namespaces: string[];
}

export function scopeStateOf(params: QueryParams): ViewScopeState {
  return {
    start: params.start ?? DEFAULT_START,
    end: params.end ?? DEFAULT_END,
    connectionIds: listParam(params.connections),
    namespaces: listParam(params.namespaces),
  };
}

/** Absolute times for a request; undefined while the picker holds something that is not a date. */
export function resolveScope(state: ViewScopeState, now: Date): ViewScope | undefined {
  const start = resolveDateMath(state.start, now);
  const end = resolveDateMath(state.end, now, { roundUp: true });
  if (!start || !end || end <= start) return undefined;
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    ...(state.connectionIds.length ? { connectionIds: state.connectionIds } : {}),
    ...(state.namespaces.length ? { namespaces: state.namespaces } : {}),
  };
}

/**
 * The time range and sources every view shares, kept in the URL. Relative ranges resolve at load
 * and again on refresh, so "last 24 hours" means the last 24 hours when the button is pressed.
 */
export function useViewScope() {
  const [params, setParams] = useQueryParams();
  const [resolvedAt, setResolvedAt] = useState(() => new Date());
  const state = useMemo(() => scopeStateOf(params), [params]);
  const scope = useMemo(() => resolveScope(state, resolvedAt), [state, resolvedAt]);
  /** `withParams`: what else the page applies along with the time (its search form's criteria). */
  const setTime = useCallback(
    (start: string, end: string, withParams: QueryParams = {}) => {
      setResolvedAt(new Date());
      setParams({ ...withParams, start, end, page: undefined });
    },
    [setParams]
  );
  const setSources = useCallback(
    (connectionIds: string[], namespaces: string[]) =>
      setParams({
        connections: connectionIds.join(','),
        namespaces: namespaces.join(','),
        page: undefined,
      }),
    [setParams]
  );
  const refresh = useCallback(() => setResolvedAt(new Date()), []);
  return { params, setParams, state, scope, setTime, setSources, refresh };
}

export type ViewScopeControls = ReturnType<typeof useViewScope>;
