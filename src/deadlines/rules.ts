/**
 * Deadline rules as data: one JSON file per country under assets/deadlines/ (de.json, fr.json, us.json), validated
 * with zod when loaded; a file that does not validate is a coded error naming the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { PROJECT_ROOT } from '../shared/paths.ts';
import { REGIONS } from './holidays.ts';

export const RULES_DIR = path.join(PROJECT_ROOT, 'assets', 'deadlines');

const text = z.string().trim().min(1);
const localized = z.object({ en: text, ru: text }).strict();

/**
 * A source: `citation` in the legal notation of its country, the same in every language ("§ 74(1) AsylG i. V. m.
 * § 36(3) AsylG"); a source that is words rather than a reference ("the court's notice") has them in Russian too.
 */
export const SourceSchema = z
  .object({
    citation: text.describe('the provision or document, e.g. "§ 74(1) AsylG"'),
    ru: text.optional().describe('the citation in Russian, where it is words rather than a reference'),
    url: z.url().optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const PeriodSchema = z.object({ amount: z.number().int().min(1).max(120), unit: z.enum(['days', 'weeks', 'months', 'years']) }).strict();
export type Period = z.infer<typeof PeriodSchema>;

/** A step of the method: what the rule says (in English and Russian), and where. */
const Explained = z.object({ text: localized, sources: z.array(SourceSchema).min(1) }).strict();

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z]{2}(\.[a-z0-9-]+)+$/, 'country code, then dot-separated lowercase words (e.g. de.bamf.klage)'),
    /** `period`: a period counted from an event; `manual`: a date set by a judge or an authority, entered as given. */
    kind: z.enum(['period', 'manual']),
    title: localized,
    authority: localized.describe('who decided or who must receive the filing'),
    step: localized.describe('the procedure step the deadline answers'),
    /**
     * The event the period runs from, as the explanation names it: in English a participle or noun ("served",
     * "notified", "last arrival", "decision"), in Russian a noun phrase in the nominative ("дата вручения").
     */
    event: localized,
    period: PeriodSchema.optional(),
    /** How the period is counted: which day is not counted, where it ends. */
    counting: Explained,
    /** What happens when the last day is a Saturday, Sunday or public holiday. */
    nonWorkingDays: Explained.extend({ shift: z.enum(['next-working-day', 'on-request']) }),
    sources: z.array(SourceSchema).min(1),
    note: localized.optional(),
    urgentApplication: z.boolean().default(false),
    options: z
      .object({
        overseas: Explained.extend({ extension: PeriodSchema }).optional(),
        legalAid: Explained.extend({ withinDays: z.number().int().min(1).max(366) }).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.kind === 'period' && !rule.period) ctx.addIssue({ code: 'custom', path: ['period'], message: 'a period rule needs its period' });
    if (rule.kind === 'manual' && rule.period) ctx.addIssue({ code: 'custom', path: ['period'], message: 'a manual rule has no period' });
  });

const RuleFileSchema = z
  .object({
    country: z.enum(['DE', 'FR', 'US']),
    holidays: z
      .object({
        regions: z.array(z.enum(REGIONS as [string, ...string[]])).min(1),
        defaultRegion: z.enum(REGIONS as [string, ...string[]]),
        note: localized,
      })
      .strict(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (!file.holidays.regions.includes(file.holidays.defaultRegion))
      ctx.addIssue({ code: 'custom', path: ['holidays', 'defaultRegion'], message: 'the default region must be one of the regions' });
    file.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${file.country.toLowerCase()}.`))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `a rule of ${file.country} starts with "${file.country.toLowerCase()}."` });
    });
  });

type RuleData = z.output<typeof RuleSchema>;

/** One deadline rule, with its country's holiday calendar. */
export interface DeadlineRule extends RuleData {
  readonly country: 'DE' | 'FR' | 'US';
  readonly holidays: { readonly regions: readonly string[]; readonly defaultRegion: string; readonly note: { readonly en: string; readonly ru: string } };
}

/** Validates one rule file's parsed JSON; `file` names it in the error. */
export function parseRuleFile(json: unknown, file: string): DeadlineRule[] {
  const parsed = RuleFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(the file)';
    throw new OtkazError(ErrorCode.DeadlineRulesInvalid, `deadline rules do not validate: ${field}: ${issue?.message ?? 'invalid'}`, { where: file });
  }
  const { country, holidays, rules } = parsed.data;
  return rules.map((rule) => ({ ...rule, country, holidays }));
}

/** Reads every `*.json` of a folder (default assets/deadlines/); rule ids must be unique across the files. */
export function loadRules(dir: string = RULES_DIR): DeadlineRule[] {
  const all: DeadlineRule[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const name of files) {
    const file = path.relative(PROJECT_ROOT, path.join(dir, name)) || name;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch (cause) {
      throw new OtkazError(ErrorCode.DeadlineRulesInvalid, `deadline rules are not JSON: ${(cause as Error).message}`, { where: file, cause });
    }
    for (const rule of parseRuleFile(json, file)) {
      if (all.some((r) => r.id === rule.id)) throw new OtkazError(ErrorCode.DeadlineRulesInvalid, `rule id ${rule.id} is defined twice`, { where: file });
      all.push(rule);
    }
  }
  return all;
}

let bundled: DeadlineRule[] | null = null;

/** The bundled rules of assets/deadlines/, loaded once. */
export function bundledRules(): readonly DeadlineRule[] {
  bundled ??= loadRules();
  return bundled;
}
