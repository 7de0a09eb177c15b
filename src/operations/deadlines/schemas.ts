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
