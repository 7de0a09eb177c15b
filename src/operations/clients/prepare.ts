/**
 * Preparing a file (issue #14): the document checklist of a claim type, held against the file's linked court
 * records and documents; and exclusion (art. 1F) preparation — the service timeline and the public allegations
 * against its units, to prepare for, never a verdict. Both are reads of client data: audited by the pipeline.
 */
import { z } from 'zod';
import { checklistFor, checklistView } from '../../casework/checklist.ts';
import { listDocuments } from '../../casework/documents.ts';
import { EXCLUSION_NOTICE, matchAllegations, serviceTimeline } from '../../casework/exclusion.ts';
import { linkedCaseView } from '../../casework/links.ts';
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
        .enum(['met', 'to_check', 'open'])
        .describe('met: a linked court record with its capture archived; to_check: candidates on the file for a worker to judge; open: nothing yet'),
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
          allegation: z.string(),
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
    'The document checklist of a claim type, each item with its sources and what on the file meets it (linked court records with capture sha256, documents)',
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
      run: async (tx, file) => {
        const checklist = checklistFor(ctx.kb, claimType);
        if (!checklist) throw new OtkazError(ErrorCode.InputNotFound, `the knowledge base has no checklist for ${claimType}`, { where: 'claimType' });
        const records = await Promise.all(file.record.criminalCases.map((link) => linkedCaseView(tx, link)));
        const documents = await listDocuments(tx, ctx.casework.keyring, file.row.org_id, file.row.id);
        return { clientId: id, ...checklistView(ctx.kb, checklist, records, documents) };
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
