/**
 * The case-file area's door to the server: the CSRF token of the session (memory only), every request with it,
 * a small memory cache of answers that rarely change (the member list), and sign-out — which forgets all of it.
 * A 401 outside the sign-in routes means the session ended: everything is forgotten and the sign-in page shown.
 */
import { ApiError, getJson } from '../api.ts';
import { navigate } from '../router.ts';
import type { SignInState } from '../types.ts';

/** The sessionStorage keys this area uses (all start with it): sign-out removes them. */
export const STORAGE_PREFIX = 'otkaz.files.';

let csrfToken: string | null = null;
let current: SignInState | null = null;
const cache = new Map<string, Promise<unknown>>();
const listeners = new Set<() => void>();

export function sessionState(): SignInState | null {
  return current;
}

export function setSession(state: SignInState | { csrfToken: string }): void {
  csrfToken = state.csrfToken;
  if ('user' in state) current = state;
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the token, the cached answers and this area's stored values. */
export function forgetEverything(): void {
  csrfToken = null;
  current = null;
  cache.clear();
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
  for (const listener of listeners) listener();
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const headers: Record<string, string> = {};
  if (method === 'POST' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    const answer = await getJson<T>(path, {
      method,
      headers,
      cache: 'no-store',
      credentials: 'same-origin',
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const token = (answer as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') setSession(answer as SignInState);
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && !path.startsWith('/api/v1/auth/')) {
      forgetEverything();
      navigate('/signin');
    }
    throw error;
  }
}

/** A GET answer kept in memory until sign-out (for lists that rarely change). */
export function cached<T>(path: string): Promise<T> {
  let hit = cache.get(path);
  if (!hit) {
    hit = api<T>('GET', path);
    hit.catch(() => cache.delete(path));
    cache.set(path, hit);
  }
  return hit as Promise<T>;
}

/** Ends the session on the server (best effort) and forgets everything here. */
export async function signOut(): Promise<void> {
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    /* the session may have ended already */
  }
  forgetEverything();
}

/** Quick exit: the page is replaced by a neutral one at once; the sign-out is sent as the page goes. */
export function quickExit(): void {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  void fetch('/api/v1/auth/logout', { method: 'POST', headers, keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
  forgetEverything();
  // Nothing of the page is left for the back button's page cache to bring back.
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(NEUTRAL_PAGE);
}

// A case-file page brought back from the browser's page cache (Back after leaving) is loaded afresh: the session
// check then decides what is shown.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});

/** Where the quick exit goes: a blank page (no request, nothing in the history that names this site's purpose). */
export const NEUTRAL_PAGE = 'about:blank';

export { ApiError };
