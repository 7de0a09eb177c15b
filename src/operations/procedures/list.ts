/** The asylum procedure models per destination (assets/procedures): stages, authorities, outcomes, deadline rules, sources. */
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { procedurePolicy } from '../../policies/procedures.ts';
import { loadProcedures } from '../../procedures/load.ts';

const Label = z.object({ en: z.string(), ru: z.string() });
const Source = z.object({ citation: z.string(), title: z.string().optional(), url: z.string().optional() });

export const ProcedureCountrySchema = z.object({
  country: z.string(),
  name: Label,
  checkedOn: z.string(),
  caveat: Label.optional(),
  procedures: z.array(
    z.object({
      id: z.string(),
      name: Label,
      note: Label.optional(),
      stages: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          name: Label,
          authority: Label,
          outcomes: z.array(
            z.object({
              id: z.string(),
              label: Label,
              protection: z.boolean(),
              next: z.array(z.string()),
              deadlineRules: z.array(z.string()),
              note: Label.optional(),
            }),
          ),
          startRules: z.array(z.object({ rule: z.string(), from: z.string() })),
          sources: z.array(Source),
        }),
      ),
    }),
  ),
});

export const listProceduresOperation = defineOperation({
  name: 'procedures.list',
  summary: 'Asylum procedures per destination: stages, authorities, outcomes, the deadline rules each outcome starts, sources',
  input: z
    .object({
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .optional()
        .describe('one destination, e.g. DE'),
    })
    .strict(),
  output: z.object({ countries: z.array(ProcedureCountrySchema) }),
  policy: procedurePolicy.list,
  surfaces: { api: true, cli: true },
  run: async (_ctx, { country }) => {
    const catalogue = loadProcedures();
    return { countries: catalogue.countries.filter((c) => !country || c.country === country.toUpperCase()) };
  },
});
