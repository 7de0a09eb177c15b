/** The answers of the deadline operations (plain shapes: the serializer encodes with them). */
import { z } from 'zod';
import type { DeadlineStep } from '../../deadlines/explain.ts';
import type { DeadlineRefusal } from '../../deadlines/refusals.ts';

const Localized = z.object({ en: z.string(), ru: z.string() }).describe('the same text in English and Russian');
export const SourceSchema = z.object({
  citation: z.string().describe('in the legal notation of its country, the same in every language'),
  ru: z.string().optional().describe('the citation in Russian, where it is words rather than a reference'),
  url: z.string().optional(),
});
const PeriodSchema = z.object({ amount: z.number().int(), unit: z.enum(['days', 'weeks', 'months', 'years']) });
const ExplainedSchema = z.object({ text: Localized, sources: z.array(SourceSchema) });
const date = z.string().describe('YYYY-MM-DD');

/** One step of the computation, structured (src/deadlines/explain.ts writes it as a sentence in English or Russian). */
export const DeadlineStepSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('holidays'), region: z.string(), defaultNote: Localized.nullable().describe("the rule's default region was taken: why") }),
    z.object({ kind: z.literal('urgent') }),
    z.object({ kind: z.literal('period'), event: Localized, from: date, period: PeriodSchema, end: date }),
    z.object({ kind: z.literal('monthEnd'), end: date }),
    z.object({ kind: z.literal('overseas'), extension: PeriodSchema, text: Localized, event: Localized, from: date, period: PeriodSchema, end: date }),
    z.object({
      kind: z.literal('legalAidRequested'),
      requested: date,
      day: z.number().int(),
      withinDays: z.number().int(),
      event: Localized,
      from: date,
      daysLeft: z.number().int(),
      end: date,
    }),
    z.object({ kind: z.literal('suspended') }),
    z.object({ kind: z.literal('legalAidDecided'), decided: date, daysLeft: z.number().int(), end: date }),
    z.object({
      kind: z.literal('nonWorking'),
      date,
      holiday: z.string().nullable().describe('the holiday, as the calendar names it; null: a weekend'),
      region: z.string(),
    }),
    z.object({ kind: z.literal('nextWorkingDay'), date }),
    z.object({ kind: z.literal('workingDay'), date, region: z.string() }),
    z.object({ kind: z.literal('event'), event: Localized, date }),
    z.object({ kind: z.literal('setByHand'), date }),
    z.object({ kind: z.literal('keptAsSet'), date, holiday: z.string().nullable(), region: z.string() }),
    z.object({ kind: z.literal('due'), date }),
  ])
  .describe('a step of the computation, without words: render it in your language');

// The schema and the engine's type describe the same steps (a step added to one and not the other fails here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stepsMatch: Same<z.infer<typeof DeadlineStepSchema>, DeadlineStep> = true;
void stepsMatch;

const dateField = z.enum(['from', 'due', 'legalAidRequestedOn', 'legalAidDecidedOn']);
const ruleId = z.string().describe('the rule id');

/** Why the engine refused an input, structured (src/deadlines/refusals.ts writes it as a sentence in English or Russian). */
export const DeadlineRefusalSchema = z
  .discriminatedUnion('reason', [
    z.object({
      reason: z.literal('unknown_rule'),
      field: z.literal('rule'),
      given: z.string().nullable().describe('the id asked, when it has the shape of a rule id'),
      rules: z.array(z.string()),
    }),
    z.object({ reason: z.literal('rule_without_period'), field: z.literal('rule'), rule: ruleId }),
    z.object({ reason: z.literal('not_a_date'), field: dateField, given: z.string().nullable().describe('the value, when it has the shape YYYY-MM-DD') }),
    z.object({ reason: z.literal('year_out_of_range'), field: dateField, date, first: z.number().int(), last: z.number().int() }),
    z.object({
      reason: z.literal('unknown_region'),
      field: z.literal('region'),
      given: z.string().nullable().describe('the region asked, when it has the shape of a region code'),
      country: z.string(),
      regions: z.array(z.string()),
    }),
    z.discriminatedUnion('field', [
      z.object({ reason: z.literal('required'), field: z.literal('from'), event: Localized.describe('the event the period runs from') }),
      z.object({ reason: z.literal('required'), field: z.literal('due') }),
      z.object({ reason: z.literal('required'), field: z.literal('legalAidRequestedOn') }),
    ]),
    z.object({ reason: z.literal('only_manual'), field: z.enum(['due', 'shift']), rule: ruleId }),
    z.object({ reason: z.literal('not_for_manual'), field: z.enum(['overseas', 'legalAidRequestedOn', 'legalAidDecidedOn']), rule: ruleId }),
    z.object({ reason: z.literal('no_such_option'), field: z.enum(['overseas', 'legalAidRequestedOn', 'legalAidDecidedOn']), rule: ruleId }),
    z.object({ reason: z.literal('extension_unit'), field: z.literal('overseas'), rule: ruleId }),
    z.object({ reason: z.literal('before_event'), field: z.enum(['legalAidRequestedOn', 'due']), date, event: Localized, from: date }),
    z.object({ reason: z.literal('before_request'), field: z.literal('legalAidDecidedOn'), date, requested: date }),
    z.object({
      reason: z.literal('legal_aid_too_late'),
      field: z.literal('legalAidRequestedOn'),
      requested: date,
      days: z.number().int(),
      withinDays: z.number().int(),
      event: Localized,
      from: date,
      end: date.describe('the last day of the period, before any move past non-working days'),
    }),
  ])
  .describe('why the engine refused the input, without words: a stable reason, the field, the values; render it in your language');

// The schema and the engine's type describe the same refusals.
const refusalsMatch: Same<z.infer<typeof DeadlineRefusalSchema>, DeadlineRefusal> = true;
void refusalsMatch;

export const DeadlineRuleSchema = z.object({
  id: z.string(),
  country: z.string(),
  kind: z.enum(['period', 'manual']),
  title: Localized,
  authority: Localized,
  step: Localized,
  event: Localized.describe('the event the period runs from ("served", "notified", "last arrival")'),
  period: PeriodSchema.optional(),
  counting: ExplainedSchema,
  nonWorkingDays: ExplainedSchema.extend({ shift: z.enum(['next-working-day', 'on-request']) }),
  sources: z.array(SourceSchema),
  note: Localized.optional(),
  urgentApplication: z.boolean(),
  options: z.object({
    overseas: ExplainedSchema.extend({ extension: PeriodSchema }).optional(),
    legalAid: ExplainedSchema.extend({ withinDays: z.number().int() }).optional(),
  }),
  holidays: z.object({ regions: z.array(z.string()), defaultRegion: z.string(), note: Localized }),
});

export const DeadlineResultSchema = z.object({
  rule: z.string(),
  country: z.string(),
  title: z.string().describe("the rule's title, in the language asked"),
  status: z.enum(['due', 'suspended']).describe('suspended: legal aid requested, its decision not yet notified'),
  due: z.string().nullable().describe('the last day to file, YYYY-MM-DD (null while suspended)'),
  endOfPeriod: z.string().nullable().describe('the last day of the period before any move past a non-working day'),
  region: z.string(),
  shifted: z.boolean(),
  nonWorkingDay: z.string().nullable().describe('a date set by hand that falls on a non-working day, kept as given: why (in the language asked)'),
  urgentApplication: z.boolean(),
  explanation: z.array(z.string()).describe('each step as a sentence, in the language asked (default English)'),
  steps: z.array(DeadlineStepSchema).describe('the same steps, structured, for an app to write in its own language'),
  sources: z.array(SourceSchema),
  note: z.string().nullable().describe("the rule's note, in the language asked"),
});

/** A deadline of an application (src/agenda/deadlines.ts), with the engine's answer where it computed one. */
export const ApplicationDeadlineSchema = z.object({
  key: z.string().describe('stable within the application'),
  origin: z.enum(['outcome', 'arrival', 'manual']).describe("outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand"),
  stepId: z.string().nullable(),
  stage: z.string().nullable(),
  outcome: z.string().nullable(),
  manualId: z.string().nullable(),
  label: z.string().nullable().describe('a hand-entered deadline’s label'),
  source: z.string().nullable().describe('a hand-entered deadline’s order or letter that set it'),
  rule: z.string().nullable().describe('the rule id; null: a hand-entered date in a country without a rule'),
  ruleTitle: Localized.nullable(),
  ruleNote: Localized.nullable().describe("the rule's note"),
  from: z.string().nullable().describe('the date the period runs from'),
  due: z.string().nullable().describe('the last day, YYYY-MM-DD; null while suspended, incomplete or refused'),
  status: z.enum(['due', 'suspended', 'incomplete', 'error']),
  done: z.boolean().describe('met: the next stage was filed, or the hand-entered deadline marked done'),
  urgentApplication: z.boolean(),
  missing: z.enum(['servedOn', 'arrivedOn']).nullable().describe('incomplete: the date to record'),
  error: z
    .object({
      code: z.string(),
      message: z.string().describe('in English'),
      refusal: DeadlineRefusalSchema.nullable().describe('the refusal as data, to write in your language (null: another kind of error)'),
    })
    .nullable()
    .describe('error: why the engine refused the input'),
  result: DeadlineResultSchema.nullable(),
});

/** A deadline in the overview: with its client file and application. */
export const AgendaEntrySchema = ApplicationDeadlineSchema.extend({
  clientId: z.string(),
  applicationId: z.string(),
  clientName: z.string().nullable(),
  initials: z.string(),
  fileRef: z.string().describe('the short file reference e-mails and calendars use'),
  destination: z.string(),
  procedure: z.string(),
  reference: z.string().nullable().describe("the authority's file number"),
  daysLeft: z.number().int().nullable().describe('days from today to the last day (negative: overdue)'),
});
