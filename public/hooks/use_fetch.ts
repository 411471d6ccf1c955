import { useEffect, useState } from 'react';

export interface FetchState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/**
 * Loads whenever `key` changes (the serialized request), aborting the previous load; the last
 * answer stays shown while the next one loads, and goes when it fails: results shown under an
 * error would read as the failed request's. `undefined` as the key loads nothing.
 */
export function useFetch<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>
): FetchState<T> {
  const [state, setState] = useState<FetchState<T>>({ loading: key !== undefined });
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      }
    );
    return () => controller.abort();
    // `load` is rebuilt every render; the key says when the request changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
