import { useCallback, useEffect, useMemo, useState } from 'react';

/** A small client-side router over the History API: the path is the state. */
export function navigate(to: string, { scroll = true }: { scroll?: boolean } = {}): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  if (scroll) window.scrollTo(0, 0);
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(window.location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(window.location.href));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return url;
}

/** Links handled by the app; modified clicks (new tab) keep the browser's behaviour. */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.currentTarget.getAttribute('href');
  if (!href?.startsWith('/') || href.startsWith('/api') || href.startsWith('/guidance')) return;
  event.preventDefault();
  navigate(href);
}

/**
 * A view's state kept in the URL's query (filters, sort, page…), so that a view is a link and Back and reload keep
 * it: the values of `defaults`' keys read from the query (a missing one is its default), and a setter that pushes
 * a new history entry with the values that differ from their defaults. Only for what may be seen in a link: a
 * sensitive question (the route checker) is sent by POST and never put here.
 */
export function useQueryState<T extends Record<string, string>>(defaults: T): [T, (next: T, options?: { scroll?: boolean }) => void] {
  const url = useLocation();
  const defaultsKey = JSON.stringify(defaults);
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults is read through its JSON, so a new object of the same values keeps the state
  const state = useMemo(() => {
    const out: Record<string, string> = { ...defaults };
    for (const key of Object.keys(defaults)) {
      const value = url.searchParams.get(key);
      if (value !== null) out[key] = value;
    }
    return out as T;
  }, [url.search, defaultsKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const set = useCallback(
    (next: T, options: { scroll?: boolean } = {}) => {
      const search = new URLSearchParams();
      for (const key of Object.keys(defaults)) if (next[key] !== undefined && next[key] !== defaults[key]) search.set(key, String(next[key]));
      const text = search.toString();
      navigate(`${window.location.pathname}${text ? `?${text}` : ''}`, { scroll: options.scroll ?? false });
    },
    [defaultsKey],
  );
  return [state, set];
}
