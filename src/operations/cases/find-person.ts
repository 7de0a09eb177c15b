/**
 * The cases of one person, by exact full name, matched against the keyed name hashes of the stored defendants
 * (for a lawyer finding a client's case). Operator-guarded and not on the API: a name lookup answered to the
 * public would tell anyone whether a given person is prosecuted.
 */
import { z } from 'zod';
import { findPerson } from '../../courts/cases/persons.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { text } from '../../shared/validation.ts';

export const FindPersonInput = z.object({ fullName: text(200, 3).describe('the full name, as the court wrote it (case and spacing do not matter)') }).strict();

export const PersonMatchSchema = z.object({
  case_id: z.number().int(),
  court_vnkod: z.string(),
  case_number: z.string().nullable(),
  receipt_date: z.string().nullable(),
  initials: z.string().nullable(),
  outcome: z.string().nullable(),
  synthetic: z.boolean(),
});

export const PERSON_MATCH_COLUMNS = ['case_id', 'court_vnkod', 'case_number', 'receipt_date', 'initials', 'outcome', 'synthetic'] as const;

export const findPersonOperation = defineOperation({
  name: 'cases.find_person',
  summary: "Cases of one person, by exact full name (matched against keyed hashes; for a lawyer finding a client's case)",
  input: FindPersonInput,
  output: z.array(PersonMatchSchema),
  policy: casePolicy.findPerson,
  surfaces: {
    api: 'a lookup by full name would tell any caller whether a named person is prosecuted: the command line only, run by whoever holds the data folder',
    cli: true,
  },
  run: (ctx, { fullName }) => findPerson(ctx.db, ctx.personKey, fullName),
});
