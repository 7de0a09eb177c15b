import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { api } from './session.ts';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
}

/** GETs `path` through the case-file door (null: not yet); again whenever `round` changes. */
export function useApi<T>(path: string | null, round = 0): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ data: null, error: null, loading: path !== null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is not read: a new value is the request to fetch again
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>('GET', path)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: Error) => live && setState({ data: null, error, loading: false }));
    return () => {
      live = false;
    };
  }, [path, round]);
  return state;
}

export { ApiError };
