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

/** The simulator's data: every court with its cases. Cases can change between visits (see `visitCard`). */
export class World {
  readonly courts: SimCourt[];
  private readonly byHost = new Map<string, SimCourt>();
  private readonly cardVisits = new Map<string, number>();

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
   * The case as served on this visit. With `changing`, a pending case gets its verdict from the second visit
   * on — the crawler must record that as an update, not a new case.
   */
  visitCard(court: SimCourt, caseId: number, changing: boolean): SyntheticCase | undefined {
    const found = court.cases.find((c) => c.caseId === caseId);
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
      byCourt[court.vnkod] = court.cases.length;
      cases += court.cases.length;
      for (const c of court.cases) for (const article of new Set(c.articles.map((a) => a.article))) byArticle[article] = (byArticle[article] ?? 0) + 1;
    }
    return { cases, byArticle, byCourt };
  }
}
