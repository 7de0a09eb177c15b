/**
 * Preparing a file (issue #14): the document checklist of a claim type, held against the file's linked court
 * records and documents; and exclusion (art. 1F) preparation — the service timeline and the public allegations
 * against its units, to prepare for, never a verdict. Both are reads of client data: audited by the pipeline.
 */
import { z } from 'zod';
import { checklistFor, checklistView, ITEM_STATUSES } from '../../casework/checklist.ts';
import { JUDGEMENTS, listMarks } from '../../casework/checklist-marks.ts';
import { listDocuments } from '../../casework/documents.ts';
import { EXCLUSION_NOTICE, matchAllegations, serviceTimeline } from '../../casework/exclusion.ts';
import { linkedCaseView } from '../../casework/links.ts';
import { memberEmails } from '../../casework/members.ts';
import { ALLEGATION_CONFIDENCE, CHECKLIST_ITEM_KINDS, CLAIM_TYPES, LICENCE_STATUSES } from '../../guidance/schema.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { FactViewSchema } from '../guidance/schemas.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

const localized = z.object({ en: z.string(), ru: z.string() });

export const ChecklistViewSchema = z.object({
  clientId: z.string(),
  claimType: z.enum(CLAIM_TYPES),
  title: localized,
  summary: localized,
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CHECKLIST_ITEM_KINDS),
      what: localized,
      why: localized,
      sources: z.array(FactViewSchema),
      destinations: z.array(z.object({ country: z.string(), note: localized, sources: z.array(FactViewSchema) })),
      status: z
        .enum(ITEM_STATUSES)
        .describe(
          "met: by a worker's judgement (what it names all still on the file) or a linked court record with its capture archived; not_applicable: a worker's judgement with the reason; to_check: candidates to judge, or a mark naming something gone since; open: nothing yet",
        ),
      metBy: z.enum(['judgement', 'court_record']).nullable(),
      revision: z.number().int().describe("the revision a change of the item's mark is made on (0: never marked)"),
      mark: z
        .object({
          judgement: z.enum(JUDGEMENTS),
          revision: z.number().int(),
          markedBy: z.string().nullable(),
          markedByEmail: z.string().nullable(),
          markedAt: z.string(),
          reason: z.string().optional(),
          note: z.string().optional(),
          documents: z.array(z.object({ id: z.string(), name: z.string(), sha256: z.string() })),
          courtRecords: z.array(
            z.object({
              linkId: z.string(),
              caseId: z.number().int(),
              caseNumber: z.string().nullable(),
              courtVnkod: z.string(),
              captureSha256: z.string().nullable(),
            }),
          ),
          missing: z
            .array(z.object({ kind: z.enum(['document', 'court_record']), id: z.string(), why: z.enum(['deleted', 'unlinked', 'capture_not_archived']) }))
            .describe('what the mark names that is gone since: the item is to check again'),
          needsCheck: z.boolean(),
        })
        .nullable()
        .describe("the worker's judgement (null: never marked)"),
      courtRecords: z.array(
        z.object({
          linkId: z.string(),
          caseId: z.number().int(),
          caseNumber: z.string().nullable(),
          courtVnkod: z.string(),
          captureSha256: z.string().nullable(),
          captureArchived: z.boolean(),
        }),
      ),
      documents: z.array(z.object({ id: z.string(), name: z.string(), sha256: z.string(), uploadedAt: z.string() })),
    }),
  ),
  counts: z.object(Object.fromEntries(ITEM_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ITEM_STATUSES)[number], z.ZodNumber>),
  access: z.object({ mark: z.boolean().describe('the caller may mark items (clients.checklist_mark)') }),
});

const ServiceEntrySchema = z.object({
  index: z.number().int(),
  unit: z.string().optional(),
  unitNumber: z.string().optional(),
  role: z.string().optional(),
  place: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  deployed: z.boolean().optional(),
});

export const ExclusionViewSchema = z.object({
  clientId: z.string(),
  notice: localized.describe('to prepare for, not a verdict'),
  timeline: z.array(ServiceEntrySchema),
  matches: z.array(
    z.object({
      serviceIndex: z.number().int(),
      allegationId: z.string(),
      reasons: z.array(
        z.object({
          field: z.enum(['unitNumber', 'unit', 'place']),
          rule: z.enum(['unit_number', 'unit_name', 'place_and_period']),
          client: z.string(),
          allegation: z.object({ en: z.string(), ru: z.string().nullable() }).describe('null ru: the knowledge base has no Russian name'),
        }),
      ),
      periodOverlap: z.enum(['yes', 'no', 'unknown']),
      units: z.array(z.object({ name: localized, number: z.string().optional() })),
      places: z.array(localized),
      period: z.object({ from: z.string(), to: z.string() }),
      alleged: localized,
      sources: z.array(
        z.object({ publisher: z.string(), title: z.string(), published: z.string(), url: z.string().optional(), document: z.string().optional() }),
      ),
      confidence: z.enum(ALLEGATION_CONFIDENCE),
      licence: z.enum(LICENCE_STATUSES),
      note: localized.optional(),
    }),
  ),
});

export const clientChecklistOperation = defineOperation({
  name: 'clients.checklist',
  summary:
    "The document checklist of a claim type, each item with its sources, what on the file meets it (linked court records with capture sha256, documents) and the worker's judgement; counts per status",
  input: z
    .object({
      id: clientId,
      claimType: z.enum(CLAIM_TYPES).describe('the claim type whose checklist to show'),
    })
    .strict(),
  output: ChecklistViewSchema,
  policy: clientPolicy.checklist,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, claimType }) =>
    onFile(ctx, {
      action: 'clients.checklist',
      policy: clientPolicy.checklist,
      clientId: id,
      run: async (tx, file, actor) => {
        const checklist = checklistFor(ctx.kb, claimType);
        if (!checklist) throw new OtkazError(ErrorCode.InputNotFound, `the knowledge base has no checklist for ${claimType}`, { where: 'claimType' });
        const records = await Promise.all(file.record.criminalCases.map((link) => linkedCaseView(tx, link)));
        const documents = await listDocuments(tx, ctx.casework.keyring, file.row.org_id, file.row.id);
        const marks = await listMarks(tx, ctx.casework.keyring, file.row.org_id, file.row.id);
        const emails = await memberEmails(
          tx,
          file.row.org_id,
          marks.flatMap((m) => (m.markedBy ? [m.markedBy] : [])),
        );
        const mark = clientPolicy.checklistMark.check(actor, ctx.config, { orgId: file.row.org_id, sharedWith: file.sharedWith }).allow;
        return { clientId: id, ...checklistView(ctx.kb, checklist, records, documents, marks, emails), access: { mark } };
      },
    }),
});

export const clientExclusionOperation = defineOperation({
  name: 'clients.exclusion',
  summary: 'Exclusion (art. 1F) preparation: the service timeline and public allegations against its units — to prepare for, not a verdict',
  input: z.object({ id: clientId }).strict(),
  output: ExclusionViewSchema,
  policy: clientPolicy.exclusion,
  surfaces: { api: true, cli: true },
  run: (ctx, { id }) =>
    onFile(ctx, {
      action: 'clients.exclusion',
      policy: clientPolicy.exclusion,
      clientId: id,
      run: async (_tx, file) => ({
        clientId: id,
        notice: EXCLUSION_NOTICE,
        timeline: serviceTimeline(file.record),
        matches: matchAllegations(file.record, ctx.kb.allegations).map(({ allegation, ...m }) => ({
          ...m,
          units: allegation.units.map((u) => ({ name: u.name, ...(u.number ? { number: u.number } : {}) })),
          places: allegation.places,
          period: allegation.period,
          alleged: allegation.alleged,
          sources: allegation.sources,
          confidence: allegation.confidence,
          licence: allegation.licence,
          ...(allegation.note ? { note: allegation.note } : {}),
        })),
      }),
    }),
});
