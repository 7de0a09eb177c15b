/**
 * The deletion watch's plan (#15): the cards of known cases, and the result lists of their courts, queued again once
 * their last visit is older than the watch's interval. They are ordinary crawl jobs: the worker runs them within the
 * crawler's politeness (pacing per host, robots.txt, back-off, daily cap, captcha queue). What the answers mean —
 * a card still served, changed (case history), or gone — is read afterwards by src/courts/watch/classify.ts.
 */
import type { Database, Queryable } from '../db/database.ts';

export interface RevisitRequest {
  /** Only these courts (vnkod); default every court with a known card. */
  courts?: readonly string[] | undefined;
  /** Only these cases (ids); default every case with a known card. */
  cases?: readonly number[] | undefined;
  /** Visits older than this are due (a card or list never visited by the crawler is always due). */
  dueBefore: Date;
  /** Also the result lists of the watched courts (a card gone from its list is a removal too). */
  lists: boolean;
}

export interface RevisitPlan {
  /** Case cards queued (again or for the first time). */
  cards: number;
  /** List pages queued again. */
  lists: number;
}

/** The URL of each watched case's card: the one its latest captured card came from. */
async function knownCards(db: Database, request: RevisitRequest): Promise<{ url: string; court_vnkod: string }[]> {
  return db.query<{ url: string; court_vnkod: string }>(
    `select distinct on (h.case_id) p.url, c.court_vnkod
       from case_history h join captures p on p.id = h.capture_id join cases c on c.id = h.case_id
      where p.page_kind = 'case_card' and ($1::text[] is null or c.court_vnkod = any($1)) and ($2::bigint[] is null or c.id = any($2))
      order by h.case_id, p.retrieved_at desc nulls last, p.id desc`,
    [request.courts ? [...request.courts] : null, request.cases ? [...request.cases] : null],
  );
}

/** The courts of the watched cases, with the hosts their list jobs ask (a case seen only in lists has no card to visit). */
async function watchedListHosts(db: Queryable, request: RevisitRequest): Promise<string[]> {
  const rows = await db.query<{ host: string }>(
    `select distinct j.host from crawl_jobs j
      where j.kind = 'list' and j.court_vnkod in (select c.court_vnkod from cases c
                                                  where ($1::text[] is null or c.court_vnkod = any($1)) and ($2::bigint[] is null or c.id = any($2)))`,
    [request.courts ? [...request.courts] : null, request.cases ? [...request.cases] : null],
  );
  return rows.map((r) => r.host);
}

/** Queues the due card (and list) visits, in one transaction; existing jobs are reused (one job per URL). */
export async function planRevisits(db: Database, request: RevisitRequest): Promise<RevisitPlan> {
  const cards = (await knownCards(db, request)).flatMap((card) => {
    try {
      return [{ ...card, host: new URL(card.url).hostname.toLowerCase() }];
    } catch {
      return []; // a capture of a saved file without a URL of its own: nothing to visit
    }
  });
  const listHosts = request.lists ? await watchedListHosts(db, request) : [];
  if (cards.length === 0 && listHosts.length === 0) return { cards: 0, lists: 0 };
  const due = request.dueBefore.toISOString();
  return db.transaction(async (tx) => {
    const hosts = [...new Map(cards.map((c) => [c.host, c.court_vnkod])).entries()].map(([host, vnkod]) => ({ host, vnkod }));
    await tx.query(
      `insert into crawl_hosts (host, court_vnkod) select x.host, x.vnkod from json_to_recordset($1::json) as x(host text, vnkod text)
       on conflict (host) do nothing`,
      [JSON.stringify(hosts)],
    );
    const created = await tx.query<{ id: number }>(
      `insert into crawl_jobs (kind, court_vnkod, host, url)
       select 'card', x.court_vnkod, x.host, x.url from json_to_recordset($1::json) as x(court_vnkod text, host text, url text)
       on conflict (url) do nothing returning id`,
      [JSON.stringify(cards)],
    );
    const again = await tx.query<{ id: number }>(
      `update crawl_jobs set state = 'pending', attempts = 0, next_run_at = now(), updated_at = now()
        where url = any($1) and state in ('done', 'failed') and updated_at < $2 returning id`,
      [cards.map((c) => c.url), due],
    );
    const listed = await tx.query<{ id: number }>(
      `update crawl_jobs set state = 'pending', attempts = 0, next_run_at = now(), updated_at = now()
        where kind = 'list' and host = any($1) and state in ('done', 'failed') and updated_at < $2 returning id`,
      [listHosts, due],
    );
    return { cards: created.length + again.length, lists: listed.length };
  });
}
