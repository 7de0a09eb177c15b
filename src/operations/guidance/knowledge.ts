/** The guidance knowledge base's offences (penalty ranges) and facts, for the API and the command line alike. */
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { guidancePolicy } from '../../policies/guidance.ts';
import { OffenceViewSchema } from '../cases/schemas.ts';
import { FactViewSchema } from './schemas.ts';

/** The language of the command line's table (answers in JSON carry both). */
export const GuidanceViewInput = z.object({ lang: z.enum(['en', 'ru']).default('en').describe('language of the text view: en or ru') }).strict();

export const OFFENCE_COLUMNS = ['article', 'part', 'title', 'penalty', 'conditions', 'since', 'facts'] as const;
export const FACT_COLUMNS = ['id', 'date', 'verified', 'confidence', 'status', 'text', 'sources'] as const;

export const offencesOperation = defineOperation({
  name: 'guidance.offences',
  summary: 'The offences of the knowledge base and their penalty ranges, each with its facts',
  input: GuidanceViewInput,
  output: z.array(OffenceViewSchema),
  policy: guidancePolicy.read,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'offences.csv',
    columns: OFFENCE_COLUMNS,
    rows: (offences) =>
      offences.map((o) => ({
        article: o.article,
        part: o.part ?? '',
        title: o.title.en,
        penalty: o.penalty.summary.en,
        conditions: o.conditions.join(', '),
        since: o.introduced ? `${o.introduced.law} ${o.introduced.date}` : '',
        facts: o.facts.join(', '),
      })),
  },
  run: async (ctx) => ctx.kb.offences,
});

export const factsOperation = defineOperation({
  name: 'guidance.facts',
  summary: 'The facts of the knowledge base: text in English and Russian, date, sources, when last verified, confidence',
  input: GuidanceViewInput,
  output: z.array(FactViewSchema),
  policy: guidancePolicy.read,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'facts.csv',
    columns: FACT_COLUMNS,
    rows: (facts) => facts.map((f) => ({ ...f, text: f.text.en, sources: f.sources.map((s) => s.url ?? s.document ?? '').join(' ') })),
  },
  run: async (ctx) => ctx.kb.facts,
});
