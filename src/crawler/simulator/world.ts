import type { Layout } from '../../courts/layouts.ts';
import { generateCases, type SyntheticCase } from '../../courts/synthetic/generate.ts';

/** One simulated court site: a host, a layout, whether its search needs a captcha, and its SYNTHETIC cases. */
export interface SimCourt {
  vnkod: string;
  host: string;
  layout: Layout;
  captcha: boolean;
  cases: SyntheticCase[];
}

export interface WorldOptions {
  seed: number;
  courts: { vnkod: string; host: string; layout: Layout; captcha?: boolean }[];
  casesPerCourt: number;
  from: string;
  to: string;
}

/**
 * How the simulator answers for a card the court took down. `not_found_page`: HTTP 200 with the sudrf engine's
 * "Данных по запросу не обнаружено" — what it answers a query that finds nothing (docs/sudrf-protocol.md §10; no real
 * answer for a deleted card has been captured, so this is the closest documented one). `http_404`: a plain 404.
 */
export type Removal = 'not_found_page' | 'http_404';

/** The simulator's data: every court with its cases. Cases can change between visits (see `visitCard`) and be removed (`removeCard`). */
export class World {
  readonly courts: SimCourt[];
  private readonly byHost = new Map<string, SimCourt>();
  private readonly cardVisits = new Map<string, number>();
  private readonly removed = new Map<string, Removal>();

  constructor(options: WorldOptions) {
    this.courts = options.courts.map((court, index) => {
      const cases = generateCases({
        seed: options.seed * 1000 + index,
        count: options.casesPerCourt,
        courts: [court.vnkod],
        from: options.from,
        to: options.to,
      });
      for (const c of cases) c.caseId = 1_000_000 * (index + 1) + (c.caseId % 1_000_000);
      return { vnkod: court.vnkod, host: court.host.toLowerCase(), layout: court.layout, captcha: court.captcha ?? false, cases };
    });
    for (const court of this.courts) this.byHost.set(court.host, court);
  }

  court(host: string): SimCourt | undefined {
    return this.byHost.get(host.toLowerCase());
  }

  /**
   * Takes a case off the court's site, as courts delete cases: its card answers as `how` says and it is gone from
   * every result list (and from the totals). False when the court has no such case.
   */
  removeCard(host: string, caseId: number, how: Removal = 'not_found_page'): boolean {
    const court = this.court(host);
    if (!court?.cases.some((c) => c.caseId === caseId)) return false;
    this.removed.set(`${court.host}:${caseId}`, how);
    return true;
  }

  /** Puts a removed case back on the site (courts sometimes republish). */
  restoreCard(host: string, caseId: number): void {
    this.removed.delete(`${host.toLowerCase()}:${caseId}`);
  }

  /** How a removed card answers; null while the case is on the site. */
  removal(court: SimCourt, caseId: number): Removal | null {
    return this.removed.get(`${court.host}:${caseId}`) ?? null;
  }

  /** The court's cases still on its site. */
  published(court: SimCourt): SyntheticCase[] {
    return court.cases.filter((c) => !this.removed.has(`${court.host}:${c.caseId}`));
  }

  /**
   * The case as served on this visit. With `changing`, a pending case gets its verdict from the second visit
   * on — the crawler must record that as an update, not a new case.
   */
  visitCard(court: SimCourt, caseId: number, changing: boolean): SyntheticCase | undefined {
    const found = this.published(court).find((c) => c.caseId === caseId);
    if (!found) return undefined;
    const key = `${court.host}:${caseId}`;
    const visits = (this.cardVisits.get(key) ?? 0) + 1;
    this.cardVisits.set(key, visits);
    if (!changing || visits < 2 || found.outcome !== 'pending') return found;
    return { ...found, outcome: 'suspended', termMonths: 24, probationMonths: 12, decisionDate: found.receiptDate, version: 2 };
  }

  /** Ground truth: cases per court and per article, for comparing a crawl's counts. */
  totals(): { cases: number; byArticle: Record<string, number>; byCourt: Record<string, number> } {
    const byArticle: Record<string, number> = {};
    const byCourt: Record<string, number> = {};
    let cases = 0;
    for (const court of this.courts) {
      const published = this.published(court);
      byCourt[court.vnkod] = published.length;
      cases += published.length;
      for (const c of published) for (const article of new Set(c.articles.map((a) => a.article))) byArticle[article] = (byArticle[article] ?? 0) + 1;
    }
    return { cases, byArticle, byCourt };
  }
}
