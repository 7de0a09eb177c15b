/**
 * `deadline.compute`: the deadline of one rule from the dates of a case (src/deadlines/compute.ts), with each step
 * of the computation and its sources. The API takes the fields as query parameters; the command line as flags.
 * `language` (en, default, or ru) is the language of the sentences (`explanation`, `title`, `note`,
 * `nonWorkingDay`) and of a refusal's message (code `deadlines.input`, with its `reason` and `field`), as the
 * calendar's `language`; `steps` is the same computation without words, for an app that writes it in its own
 * language, as the refusal's `refusal` is.
 */
import { z } from 'zod';
import { computeDeadline, DeadlineInputError, type DeadlineResult, EXPLANATION_LANGUAGES, inLanguage } from '../../deadlines/index.ts';
import { defineOperation } from '../../ops/operation.ts';
import { deadlinePolicy } from '../../policies/deadlines.ts';
import { isoDate, text } from '../../shared/validation.ts';
import { DeadlineResultSchema } from './schemas.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const ComputeDeadlineInput = z
  .object({
    rule: text(80, 1).describe('the rule id, e.g. de.bamf.klage (the rules: /api/v1/deadlines/rules)'),
    from: isoDate.optional().describe('the date the period runs from (service, notification, arrival, decision)'),
    due: isoDate.optional().describe('a manual rule: the date set by the judge or authority'),
    region: text(10).optional().describe('holiday region: DE or DE-XX (the Land of the court), FR, US; default: the rule country default'),
    overseas: flag.describe('France: the applicant is overseas (one more month)'),
    legalAidRequestedOn: isoDate.optional().describe('France: the date legal aid was requested'),
    legalAidDecidedOn: isoDate.optional().describe('France: the date the legal-aid decision was notified'),
    shift: flag.describe('a manual rule: move a date on a non-working day to the next working day'),
    language: z.enum(EXPLANATION_LANGUAGES).optional().describe('the language of the explanation, title and note, and of a refusal: en (default) or ru'),
  })
  .strict();

export const computeDeadlineOperation = defineOperation({
  name: 'deadline.compute',
  summary: 'Compute a deadline: the due date, the rule applied, each step and its sources',
  input: ComputeDeadlineInput,
  output: DeadlineResultSchema,
  policy: deadlinePolicy.read,
  surfaces: { api: true, cli: true },
  async run(_ctx, { rule, language = 'en', ...input }) {
    let result: DeadlineResult;
    try {
      result = computeDeadline(rule, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    } catch (error) {
      // A refusal in the language asked, with the same code, reason and field.
      throw error instanceof DeadlineInputError ? error.inLanguage(language) : error;
    }
    return language !== 'en' ? inLanguage(result, language) : result;
  },
});
