import { useCallback, useMemo, useState } from 'react';
import { resolveDateMath } from '../../../common/date_math';
import { durationText } from '../../../common/duration_text';
import { MAX_RANGE_DAYS } from '../../../common/http_api/view_codecs';
import type { ViewScope } from '../../../common/http_api/views';
import { DAY_MS } from '../../../common/time';
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

export interface RangeProblem {
  title: string;
  body: string;
}

/** Why the picker's range cannot be searched, said before any request is made. */
export function rangeProblemOf(state: ViewScopeState, now: Date): RangeProblem | undefined {
  const start = resolveDateMath(state.start, now);
  const end = resolveDateMath(state.end, now, { roundUp: true });
  if (!start || !end) {
    return {
      title: 'The time range is not a date range',
      body: `"${state.start}" to "${state.end}" cannot be read as dates. Pick a range in the date picker.`,
    };
  }
  const span = end.getTime() - start.getTime();
  if (span <= 0) {
    return {
      title: 'The time range ends before it starts',
      body: `It starts ${start.toISOString()} and ends ${end.toISOString()}. Pick an end after the start.`,
    };
  }
  if (span > MAX_RANGE_DAYS * DAY_MS) {
    return {
      title: 'The time range is too long',
      body: `It spans ${durationText(span)}; a view reads at most ${MAX_RANGE_DAYS} days (Microsoft keeps message traces for 90). Pick a shorter range.`,
    };
  }
  return undefined;
}

/** Absolute times for a request; undefined while the range has a problem (rangeProblemOf). */
export function resolveScope(state: ViewScopeState, now: Date): ViewScope | undefined {
  if (rangeProblemOf(state, now)) return undefined;
  const start = resolveDateMath(state.start, now)!;
  const end = resolveDateMath(state.end, now, { roundUp: true })!;
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
  const rangeProblem = useMemo(() => rangeProblemOf(state, resolvedAt), [state, resolvedAt]);
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
  return { params, setParams, state, scope, rangeProblem, setTime, setSources, refresh };
}

export type ViewScopeControls = ReturnType<typeof useViewScope>;
