/**
 * The deadlines of one asylum application, computed from what the lawyer recorded: each step whose outcome the
 * procedure model ties to deadline rules (assets/procedures: `outcomes[].deadlineRules`) runs from the day the
 * decision was served; a stage with `startRules` runs from the last arrival (the US one-year limit); each deadline
 * a judge or an authority set is entered by hand (the country's manual rule, which flags a non-working day). Every
 * computed item carries the engine's answer: the rule, its sources and each step of the arithmetic.
 *
 * Pure: the application, the procedure catalogue and the rules in, the items out. A deadline that cannot be
 * computed (a missing date, a region the rule has no calendar for, a legal-aid request too late to suspend) is an
 * item with its coded error — the others are still computed.
 */
import type { ApplicationBody } from '../casework/applications.ts';
import {
  computeDeadline,
  type DeadlineInput,
  DeadlineInputError,
  type DeadlineRefusal,
  type DeadlineResult,
  type DeadlineRule,
  type DeadlineStep,
  deadlineRules,
  type Localized,
  type Source,
} from '../deadlines/index.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { OtkazError } from '../shared/errors.ts';

export const DEADLINE_ORIGINS = ['outcome', 'arrival', 'manual'] as const;
export type DeadlineOrigin = (typeof DEADLINE_ORIGINS)[number];

/**
 * `due`: a date is known; `suspended`: legal aid was requested and its decision is not yet recorded; `incomplete`:
 * a date the rule runs from is missing (`missing` names it); `error`: the engine refused the input (`error` says why).
 */
export const DEADLINE_STATES = ['due', 'suspended', 'incomplete', 'error'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** The engine's answer, as an item carries it. */
export type ComputedDeadline = Omit<DeadlineResult, 'explanation' | 'steps' | 'sources'> & { explanation: string[]; steps: DeadlineStep[]; sources: Source[] };

export interface ApplicationDeadline {
  /** Stable within the application: what the deadline answers (a step's outcome and rule, the arrival, a hand-entered date). */
  readonly key: string;
  readonly origin: DeadlineOrigin;
  readonly stepId: string | null;
  readonly stage: string | null;
  readonly outcome: string | null;
  readonly manualId: string | null;
  /** A hand-entered deadline's own label (free text of the lawyer: never put into e-mails or calendars). */
  readonly label: string | null;
  /** A hand-entered deadline's order or letter that set it (free text too, kept in the app like the label). */
  readonly source: string | null;
  /** The rule id; null for a hand-entered date in a country without a rule for them. */
  readonly rule: string | null;
  readonly ruleTitle: Localized | null;
  /** The rule's note (what to watch for), in both languages; null without one. */
  readonly ruleNote: Localized | null;
  /** The date the period runs from (service, arrival), when known. */
  readonly from: string | null;
  /** The last day, when known. */
  readonly due: string | null;
  readonly status: DeadlineState;
  /** Met: the next stage was filed (or the hand-entered deadline marked done). */
  readonly done: boolean;
  readonly urgentApplication: boolean;
  readonly missing: 'servedOn' | 'arrivedOn' | null;
  /** Why the engine refused the input: its code, the message in English, the refusal as data for other languages (src/deadlines/refusals.ts). */
  readonly error: { readonly code: string; readonly message: string; readonly refusal: DeadlineRefusal | null } | null;
  readonly result: ComputedDeadline | null;
}

/** The rules with a manual kind, by country: the hand-entered dates are checked against the calendar with them. */
function manualRuleOf(country: string, rules: readonly DeadlineRule[]): DeadlineRule | null {
  return rules.find((r) => r.kind === 'manual' && r.country === country) ?? null;
}

/** The rule's title and note, in both languages. */
function wordsOf(ruleId: string, rules: readonly DeadlineRule[]): { ruleTitle: Localized | null; ruleNote: Localized | null } {
  const rule = rules.find((r) => r.id === ruleId);
  return {
    ruleTitle: rule ? { en: rule.title.en, ru: rule.title.ru } : null,
    ruleNote: rule?.note ? { en: rule.note.en, ru: rule.note.ru } : null,
  };
}

type Computed = Pick<ApplicationDeadline, 'due' | 'status' | 'urgentApplication' | 'error' | 'result'>;

function run(ruleId: string, input: DeadlineInput, rules: readonly DeadlineRule[]): Computed {
  try {
    const result = computeDeadline(ruleId, input, rules);
    return {
      due: result.due,
      status: result.status,
      urgentApplication: result.urgentApplication,
      error: null,
      result: { ...result, explanation: [...result.explanation], steps: [...result.steps], sources: [...result.sources] },
    };
  } catch (error) {
    if (!(error instanceof OtkazError)) throw error;
    const urgent = rules.find((r) => r.id === ruleId)?.urgentApplication ?? false;
    const refusal = error instanceof DeadlineInputError ? error.refusal : null;
    return { due: null, status: 'error', urgentApplication: urgent, error: { code: error.code, message: error.message, refusal }, result: null };
  }
}

const definedOnly = (input: Record<string, unknown>): DeadlineInput => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));

/** Every deadline of the application, in the order of its steps, then the arrival, then the hand-entered ones. */
export function applicationDeadlines(
  application: ApplicationBody,
  catalogue: ProcedureCatalogue,
  rules: readonly DeadlineRule[] = deadlineRules(),
): ApplicationDeadline[] {
  const out: ApplicationDeadline[] = [];
  const found = catalogue.procedure(application.procedure);
  const region = application.region;
  const blank = { stepId: null, stage: null, outcome: null, manualId: null, label: null, source: null, from: null, missing: null } as const;

  application.steps.forEach((step, index) => {
    const stage = found?.procedure.stages.find((s) => s.id === step.stage);
    const outcome = stage?.outcomes.find((o) => o.id === step.outcome);
    if (!outcome) return;
    const later = application.steps.slice(index + 1);
    const done = later.some((s) => outcome.next.includes(s.stage) && (s.filedOn !== undefined || s.outcome !== undefined));
    for (const ruleId of outcome.deadlineRules) {
      const base = {
        ...blank,
        key: `step:${step.id}:${ruleId}`,
        origin: 'outcome' as const,
        stepId: step.id,
        stage: step.stage,
        outcome: outcome.id,
        rule: ruleId,
        ...wordsOf(ruleId, rules),
        done,
      };
      const rule = rules.find((r) => r.id === ruleId);
      // A rule that runs from the decision itself (the US: the immigration judge's oral decision) takes the date
      // it was decided when no service is recorded; every other rule runs from service only.
      const from = step.servedOn ?? (rule?.event.en === 'decision' ? step.decidedOn : undefined);
      if (!from) {
        out.push({
          ...base,
          due: null,
          status: 'incomplete',
          urgentApplication: rule?.urgentApplication ?? false,
          missing: 'servedOn',
          error: null,
          result: null,
        });
        continue;
      }
      const input = definedOnly({
        from,
        region,
        overseas: step.overseas ? true : undefined,
        legalAidRequestedOn: step.legalAid?.requestedOn,
        legalAidDecidedOn: step.legalAid?.decidedOn,
      });
      out.push({ ...base, from, ...run(ruleId, input, rules) });
    }
  });

  for (const stage of found?.procedure.stages ?? [])
    for (const start of stage.startRules) {
      const done = application.steps.some((s) => s.stage === stage.id && (s.filedOn !== undefined || s.outcome !== undefined));
      const base = {
        ...blank,
        key: `start:${stage.id}:${start.rule}`,
        origin: 'arrival' as const,
        stage: stage.id,
        rule: start.rule,
        ...wordsOf(start.rule, rules),
        done,
      };
      if (!application.arrivedOn) {
        // Once the stage is filed the limit no longer matters: no prompt for the arrival date then.
        if (!done) out.push({ ...base, due: null, status: 'incomplete', urgentApplication: false, missing: 'arrivedOn', error: null, result: null });
        continue;
      }
      out.push({ ...base, from: application.arrivedOn, ...run(start.rule, definedOnly({ from: application.arrivedOn, region }), rules) });
    }

  const manual = manualRuleOf(application.destination, rules);
  for (const deadline of application.manualDeadlines) {
    const base = {
      ...blank,
      key: `manual:${deadline.id}`,
      origin: 'manual' as const,
      manualId: deadline.id,
      label: deadline.label,
      source: deadline.source ?? null,
      done: deadline.done,
    };
    if (!manual) {
      // No rule (and no holiday calendar) for this country: the date as set.
      out.push({ ...base, rule: null, ruleTitle: null, ruleNote: null, due: deadline.due, status: 'due', urgentApplication: false, error: null, result: null });
      continue;
    }
    out.push({ ...base, rule: manual.id, ...wordsOf(manual.id, rules), ...run(manual.id, definedOnly({ due: deadline.due, region }), rules) });
  }
  return out;
}
