import { useEffect, useState } from 'react';
import { getJson } from './api.ts';

/** Fetches `path` (null: not yet); again whenever `round` changes. */
export function useFetch<T>(path: string | null, round = 0): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is not read: a new value is the request to fetch again
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    getJson<T>(path)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: Error) => live && setState({ data: null, error: error.message, loading: false }));
    return () => {
      live = false;
    };
  }, [path, round]);
  return state;
}
