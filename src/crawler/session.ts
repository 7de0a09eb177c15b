/**
 * A court site's session: one cookie jar per host (RFC 6265, tough-cookie), kept in the host's row so that every
 * worker on the database, and a crawl resumed after a stop, sends the same session. Captcha courts bind an answer to
 * the session cookie (PHPSESSID) their search form set (protocol §9.4), so the form, the answer and the list pages
 * must share one jar. Cookies expire as the site says; a refused answer starts a new form, which renews the session.
 */
import { CookieJar } from 'tough-cookie';
import type { Queryable } from '../db/database.ts';

export interface HostSession {
  jar: CookieJar;
  /** robots.txt's Crawl-delay for this host, when it names one. */
  crawlDelayMs: number | null;
}

/** The host's jar as stored (an empty one when it has none yet) and its Crawl-delay. */
export async function loadSession(db: Queryable, host: string): Promise<HostSession> {
  const [row] = await db.query<{ cookies: unknown; crawl_delay_ms: number | null }>('select cookies, crawl_delay_ms from crawl_hosts where host = $1', [host]);
  const stored = row?.cookies;
  let jar = new CookieJar();
  if (stored && typeof stored === 'object') {
    try {
      jar = CookieJar.deserializeSync(stored as Parameters<typeof CookieJar.deserializeSync>[0]);
    } catch {
      // A jar that no longer reads is a lost session: the site hands out a new one.
    }
  }
  return { jar, crawlDelayMs: row?.crawl_delay_ms ?? null };
}

/** The Cookie header for a URL (empty: none); cookies expired by now are not sent. */
export function cookieHeader(jar: CookieJar, url: string): string {
  return jar.getCookieStringSync(url);
}

/** Takes the Set-Cookie headers of an answer into the jar; true when it had any. Malformed cookies are ignored. */
export function takeCookies(jar: CookieJar, url: string, headers: [string, string][], now: Date): boolean {
  let any = false;
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    jar.setCookieSync(value, url, { now, ignoreError: true });
    any = true;
  }
  return any;
}

export async function saveSession(db: Queryable, host: string, jar: CookieJar): Promise<void> {
  await db.query('update crawl_hosts set cookies = $2::jsonb where host = $1', [host, JSON.stringify(jar.serializeSync() ?? null)]);
}
