/**
 * Claim check: a published statement, written down as a structured quantity and a stated value with its
 * wording ("almost", "more than", "increased by more than 50 %"), checked against every figure the data gives.
 * Verdicts: holds (every figure of the meant definition agrees), holds_under_other_definition (only some
 * definition agrees — which one is named), does_not_hold, no_data. Each verdict lists the figures behind it.
 */
import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { OtkazError } from '../../shared/errors.ts';
import { type Budget, LIMITS, UNBOUNDED } from '../../shared/limits.ts';
import { present } from '../../shared/present.ts';
import { freeText, isoDate, periodOrRange, text } from '../../shared/validation.ts';
import { parseArea } from '../codes/countries.ts';
import { INDICATORS, isIndicator } from '../model.ts';
import { type Candidate, candidates, measuresOf, type Quantity, validateQuantity } from '../query/compare.ts';
import { sourceAdapter } from '../sources/registry.ts';

export const WORDINGS = ['exactly', 'about', 'almost', 'more than', 'at least', 'less than', 'at most'] as const;
export type Wording = (typeof WORDINGS)[number];

/** Synonyms found in reporting → one of the wordings above. */
const WORDING_ALIASES: Record<string, Wording> = {
  exactly: 'exactly',
  about: 'about',
  around: 'about',
  approximately: 'about',
  roughly: 'about',
  some: 'about',
  almost: 'almost',
  nearly: 'almost',
  'close to': 'almost',
  'more than': 'more than',
  over: 'more than',
  above: 'more than',
  'in excess of': 'more than',
  'at least': 'at least',
  'less than': 'less than',
  'fewer than': 'less than',
  under: 'less than',
  below: 'less than',
  'at most': 'at most',
  'up to': 'at most',
};

const area = text(60).transform((value, ctx) => {
  const code = parseArea(value);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: `unknown country or area "${value}" (ISO3 such as DEU, or EU27, WORLD)` });
    return z.NEVER;
  }
  return code;
});

/** 2022 (a number in YAML) or "2022", "FY2023", "2022-Q1", "2022-03", "2021-10..2022-01". */
const claimPeriod = z.union([z.string(), z.number()]).transform(String).pipe(periodOrRange);

const claimSchema = z
  .object({
    id: text(200, 1),
    statement: freeText(4000, 1),
    published: z
      .object({ by: text(1000), date: text(40).optional(), url: text(2000).optional(), note: freeText(4000).optional() })
      .strict()
      .optional(),
    quantity: z
      .object({
        indicator: text(40).refine((v) => v === 'recognition_rate' || isIndicator(v), {
          message: `unknown indicator (one of: ${[...Object.keys(INDICATORS), 'recognition_rate'].join(', ')})`,
        }),
        measure: text(40).optional(),
        origin: area.default('RUS'),
        destination: area,
        period: claimPeriod,
        basis: z.enum(['year', 'fiscal_year', 'quarter', 'month']).optional(),
        levels: z.array(text(60)).max(LIMITS.levels).optional(),
        detail: z
          .array(text(200).regex(/^[a-z_]+=[^;=]+$/, 'detail filters look like region=Southwest Land Border'))
          .max(LIMITS.details)
          .optional(),
        as_of: isoDate.optional(),
      })
      .strict()
      .superRefine((q, ctx) => {
        if (q.measure === undefined || !(q.indicator === 'recognition_rate' || isIndicator(q.indicator))) return;
        const valid = measuresOf(q.indicator);
        if (!valid.includes(q.measure))
          ctx.addIssue({ code: 'custom', path: ['measure'], message: `unknown measure "${q.measure}" for ${q.indicator} (one of: ${valid.join(', ')})` });
      }),
    stated: z
      .object({
        value: z.number().optional(),
        change_pct: z.number().optional(),
        from_period: claimPeriod.optional(),
        wording: text(40).transform((value, ctx) => {
          const wording = WORDING_ALIASES[value.trim().toLowerCase()];
          if (!wording) {
            ctx.addIssue({ code: 'custom', message: `unknown wording "${value}" (use: ${Object.keys(WORDING_ALIASES).join(', ')})` });
            return z.NEVER;
          }
          return wording;
        }),
        tolerance_pct: z.number().positive().max(50).optional(),
      })
      .strict()
      .refine((s) => (s.value !== undefined) !== (s.change_pct !== undefined), { message: 'state either value or change_pct' })
      .refine((s) => s.change_pct === undefined || s.from_period !== undefined, { message: 'change_pct needs from_period' }),
    note: freeText(4000).optional(),
  })
  .strict();

export const claimsFileSchema = z.object({ claims: z.array(claimSchema).min(1) }).strict();
/** What one API request may ask: at most LIMITS.claimsPerCheck claims (a file on the command line has no bound). */
export const claimsRequestSchema = z
  .object({ claims: z.array(claimSchema).min(1).max(LIMITS.claimsPerCheck, `at most ${LIMITS.claimsPerCheck} claims per request`) })
  .strict();
export type Claim = z.infer<typeof claimSchema>;

export type Verdict = 'holds' | 'holds_under_other_definition' | 'does_not_hold' | 'no_data';

export interface Figure extends Candidate {
  /** For change claims: the earlier value and the change in %. */
  fromValue?: number | null;
  changePct?: number | null;
  holds: boolean | null;
  meant: boolean;
  caveats: string[];
}

export interface ClaimResult {
  id: string;
  statement: string;
  published?: Claim['published'];
  verdict: Verdict;
  reason: string;
  figures: Figure[];
}

/** Does `actual` satisfy "wording stated"? `tolerance` is the share allowed for "about" and "almost". */
export function satisfies(actual: number, stated: number, wording: Wording, tolerancePct = 5): boolean {
  const tolerance = Math.abs(stated) * (tolerancePct / 100);
  switch (wording) {
    case 'exactly':
      return actual === stated;
    case 'about':
      return Math.abs(actual - stated) <= tolerance;
    case 'almost':
      // "almost 3,000": below 3,000, within 10 % of it (or the tolerance given).
      return actual <= stated && actual >= stated - Math.abs(stated) * (Math.max(tolerancePct, 10) / 100);
    case 'more than':
      return actual > stated;
    case 'at least':
      return actual >= stated;
    case 'less than':
      return actual < stated;
    case 'at most':
      return actual <= stated;
    default: {
      const unreachable: never = wording;
      return unreachable;
    }
  }
}

function caveatsOf(c: Candidate, publishedOn?: string): string[] {
  const out: string[] = [];
  const later = publishedOn ? c.releases.filter((r) => r.vintage.slice(0, publishedOn.length) > publishedOn) : [];
  if (later.length)
    out.push(
      `from a release of ${present(later[0], 'the earliest later release').vintage}, later than the claim (${publishedOn}): the publisher may have revised the figure since`,
    );
  if (!c.complete) out.push(`incomplete period: ${c.months ?? 0} months of data`);
  if (c.flags.includes('fytd')) out.push('running fiscal year (FYTD)');
  if (/[pe]/.test(c.flags.replace('fytd', ''))) out.push(`flagged ${c.flags} (provisional/estimated)`);
  if (c.flags.split(',').includes('c')) out.push('withheld to protect small counts (legal-aid release, docs/disclosure.md)');
  const caveat = sourceAdapter(c.source).caveat;
  if (caveat) out.push(caveat);
  if (c.releases.some((r) => r.synthetic)) out.push('SYNTHETIC data');
  return out;
}

/** The candidates of a quantity; for applications, the claim's own measure added when the usual definitions lack it. */
async function withOwnMeasure(db: Queryable, quantity: Quantity, measure: string | undefined): Promise<Candidate[]> {
  const found = await candidates(db, quantity);
  if (!measure || quantity.measure || found.some((c) => c.measure === measure)) return found;
  const own = await candidates(db, { ...quantity, measure });
  // A source that maps two names to one figure (UNHCR "new" is also its nearest to first-time) shows it once, as meant.
  const same = (a: Candidate, b: Candidate) =>
    a.source === b.source && a.basis === b.basis && a.destination === b.destination && a.unit === b.unit && a.levels === b.levels && a.value === b.value;
  return [...found.filter((f) => !own.some((o) => same(o, f))), ...own];
}

export async function checkClaim(db: Queryable, claim: Claim): Promise<ClaimResult> {
  const q = claim.quantity;
  const quantity: Quantity = {
    indicator: q.indicator as Quantity['indicator'],
    // The claim's own measure is computed (grants of refugee status are never read as all decisions). Applications
    // alone are computed under every definition as well (all, first-time, subsequent), their own one meant; the
    // legal-aid counts are one measure each (a military status, a stage), by default all clients.
    ...(q.indicator === 'clients' ? { measure: q.measure ?? 'all' } : q.measure && q.indicator !== 'applications' ? { measure: q.measure } : {}),
    origin: q.origin,
    destination: q.destination,
    period: q.period,
    ...(q.basis ? { basis: q.basis } : {}),
    ...(q.levels ? { levels: q.levels } : {}),
    ...(q.detail ? { detail: q.detail } : {}),
    ...(q.as_of ? { asOf: q.as_of } : {}),
  };
  const stated = claim.stated;
  // Every definition is computed. The one "meant" is the claim's own measure, or by default all applications
  // (anyone who applied) and, for rates and other indicators, every method; narrower readings (variants) never.
  const meantMeasure = q.measure ?? (q.indicator === 'applications' ? 'all' : undefined);
  const isMeant = (c: Candidate) => !c.variant && (meantMeasure === undefined || c.measure === meantMeasure);
  try {
    await validateQuantity(db, { ...quantity, ...(q.measure ? { measure: q.measure } : {}) });
  } catch (error) {
    if (error instanceof OtkazError) throw new OtkazError(error.code, `claim "${claim.id}": ${error.message}`, { cause: error });
    throw error;
  }
  const now = await withOwnMeasure(db, quantity, q.measure);
  const figures: Figure[] = [];
  if (stated.change_pct !== undefined) {
    const before = await withOwnMeasure(db, { ...quantity, period: present(stated.from_period, 'from_period of a claimed change') }, q.measure);
    for (const c of now) {
      const match = before.find(
        (b) =>
          b.source === c.source &&
          b.measure === c.measure &&
          b.basis === c.basis &&
          b.destination === c.destination &&
          b.unit === c.unit &&
          b.variant === c.variant,
      );
      const fromValue = match?.value ?? null;
      const changePct = fromValue && c.value !== null ? Math.round(((c.value - fromValue) / fromValue) * 1000) / 10 : null;
      const holds = changePct === null ? null : satisfies(changePct, stated.change_pct, stated.wording, stated.tolerance_pct ?? 5);
      figures.push({
        ...c,
        fromValue,
        changePct,
        holds,
        meant: isMeant(c),
        caveats: caveatsOf(c, claim.published?.date).concat(match ? caveatsOf(match).map((x) => `${stated.from_period}: ${x}`) : []),
      });
    }
  } else {
    for (const c of now) {
      const holds = c.value === null ? null : satisfies(c.value, present(stated.value, 'the claimed value'), stated.wording, stated.tolerance_pct ?? 5);
      figures.push({ ...c, holds, meant: isMeant(c), caveats: caveatsOf(c, claim.published?.date) });
    }
  }
  return { id: claim.id, statement: claim.statement, ...(claim.published ? { published: claim.published } : {}), ...judge(figures, claim), figures };
}

function judge(figures: Figure[], claim: Claim): { verdict: Verdict; reason: string } {
  const usable = figures.filter((f) => f.holds !== null);
  const aboutMilitary = /soldier|military|deserter|draft|mobili[sz]/i.test(claim.statement);
  const fromCaseFiles = figures.some((f) => f.source === 'legal_aid' && f.value !== null);
  const military = !aboutMilitary
    ? ''
    : fromCaseFiles
      ? ' Military status is known only from the legal-aid case files: the clients of the organisations that share statistics, not all military applicants; UNHCR, Eurostat and CBP record no military status.'
      : ' None of the statistical sources records military status: the figures cover all citizens of the origin.';
  if (!usable.length)
    return {
      verdict: 'no_data',
      reason: `no source has this quantity for ${claim.quantity.period}${claim.stated.from_period ? ` and ${claim.stated.from_period}` : ''}.${military}`,
    };
  const meant = usable.filter((f) => f.meant);
  const holding = usable.filter((f) => f.holds);
  const what =
    claim.stated.change_pct !== undefined
      ? `a change of ${claim.stated.wording} ${claim.stated.change_pct} %`
      : `${claim.stated.wording} ${claim.stated.value}`;
  const list = (fs: Figure[]) => fs.map((f) => `${f.label} = ${f.changePct !== undefined ? `${f.changePct} %` : f.value}`).join('; ');
  if (meant.length && meant.every((f) => f.holds)) return { verdict: 'holds', reason: `${what}: ${list(meant)}.${military}` };
  if (holding.length)
    return {
      verdict: 'holds_under_other_definition',
      reason: `${what} holds only for ${list(holding)}; not for ${list(usable.filter((f) => !f.holds))}.${military}`,
    };
  return { verdict: 'does_not_hold', reason: `${what}: ${list(usable)}.${military}` };
}

/**
 * Checks claims one after another. Between two claims the event loop gets a turn (the queries of one claim
 * would otherwise chain as microtasks and starve every other request on the embedded engine), and the budget
 * is checked: past it the check stops with a coded error instead of holding the server.
 */
export async function checkClaims(db: Queryable, claims: Claim[], budget: Budget = UNBOUNDED): Promise<ClaimResult[]> {
  const out: ClaimResult[] = [];
  for (const claim of claims) {
    await budget.pause('the claim check');
    out.push(await checkClaim(db, claim));
  }
  return out;
}
