/** The answers of the deadline operations (plain shapes: the serializer encodes with them). */
import { z } from 'zod';

const Localized = z.object({ en: z.string(), ru: z.string() });
export const SourceSchema = z.object({ citation: z.string(), url: z.string().optional() });
const PeriodSchema = z.object({ amount: z.number().int(), unit: z.enum(['days', 'weeks', 'months', 'years']) });
const ExplainedSchema = z.object({ text: z.string(), sources: z.array(SourceSchema) });

export const DeadlineRuleSchema = z.object({
  id: z.string(),
  country: z.string(),
  kind: z.enum(['period', 'manual']),
  title: Localized,
  authority: z.string(),
  step: z.string(),
  event: z.string().describe('the event the period runs from ("served", "notified", "last arrival")'),
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
  holidays: z.object({ regions: z.array(z.string()), defaultRegion: z.string(), note: z.string() }),
});

export const DeadlineResultSchema = z.object({
  rule: z.string(),
  country: z.string(),
  title: z.string(),
  status: z.enum(['due', 'suspended']).describe('suspended: legal aid requested, its decision not yet notified'),
  due: z.string().nullable().describe('the last day to file, YYYY-MM-DD (null while suspended)'),
  endOfPeriod: z.string().nullable().describe('the last day of the period before any move past a non-working day'),
  region: z.string(),
  shifted: z.boolean(),
  nonWorkingDay: z.string().nullable().describe('a date set by hand that falls on a non-working day, kept as given: why'),
  urgentApplication: z.boolean(),
  explanation: z.array(z.string()),
  sources: z.array(SourceSchema),
  note: z.string().nullable(),
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
  rule: z.string().nullable().describe('the rule id; null: a hand-entered date in a country without a rule'),
  ruleTitle: Localized.nullable(),
  from: z.string().nullable().describe('the date the period runs from'),
  due: z.string().nullable().describe('the last day, YYYY-MM-DD; null while suspended, incomplete or refused'),
  status: z.enum(['due', 'suspended', 'incomplete', 'error']),
  done: z.boolean().describe('met: the next stage was filed, or the hand-entered deadline marked done'),
  urgentApplication: z.boolean(),
  missing: z.enum(['servedOn', 'arrivedOn']).nullable().describe('incomplete: the date to record'),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('error: why the engine refused the input'),
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
