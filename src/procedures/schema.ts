/**
 * Asylum procedures as data: per destination country, the procedures (e.g. Germany's BAMF → administrative court →
 * higher court; the United States' affirmative and defensive roads), each a list of stages with the outcomes a
 * stage can end in, where each outcome leads, and which deadline rules (src/deadlines, by id) start from the day a
 * decision with that outcome was served. One file per country in assets/procedures/, validated here at load.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, _ . - (at most 64)');
const label = z.object({ en: z.string().min(1).max(300), ru: z.string().min(1).max(300) }).strict();

export const SourceSchema = z
  .object({
    citation: z.string().min(1).max(300).describe('the law or decision, as lawyers cite it'),
    title: z.string().min(1).max(300).optional(),
    url: z.string().url().optional(),
  })
  .strict();

export const STAGE_KINDS = ['filing', 'first_instance', 'appeal', 'further_appeal', 'review'] as const;

export const OutcomeSchema = z
  .object({
    id,
    label,
    /** Protection granted (of some kind) by this outcome. */
    protection: z.boolean().default(false),
    /** Stages this outcome can lead to (in the same procedure). */
    next: z.array(id).max(10).default([]),
    /** Deadline rules that start when a decision with this outcome is served (src/deadlines rule ids). */
    deadlineRules: z.array(z.string().min(1).max(100)).max(5).default([]),
    note: label.optional(),
  })
  .strict();

export const StageSchema = z
  .object({
    id,
    kind: z.enum(STAGE_KINDS),
    name: label,
    authority: label,
    outcomes: z.array(OutcomeSchema).min(1).max(20),
    /** Deadline rules that start from another fact than a served decision (e.g. arrival, for a filing stage). */
    startRules: z
      .array(z.object({ rule: z.string().min(1).max(100), from: z.enum(['arrival']) }).strict())
      .max(5)
      .default([]),
    sources: z.array(SourceSchema).min(1).max(10),
  })
  .strict();

export const ProcedureSchema = z
  .object({
    id,
    name: label,
    stages: z.array(StageSchema).min(1).max(20),
    note: label.optional(),
  })
  .strict();

export const CountryModelSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
    name: label,
    procedures: z.array(ProcedureSchema).min(1).max(5),
    /** What this model leaves out or simplifies (a simple form for some countries). */
    caveat: label.optional(),
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();

export type Outcome = z.infer<typeof OutcomeSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type CountryModel = z.infer<typeof CountryModelSchema>;
