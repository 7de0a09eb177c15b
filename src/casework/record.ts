/**
 * A client's record: what a legal-aid organisation keeps about one person it helps. The whole record is one
 * ciphertext in `clients.record` (src/casework/clients.ts); nothing of it is stored in plaintext.
 *
 * The record is split into field groups; each role sees an allow-list of groups (src/casework/fields.ts), never a
 * deny-list, so a group added later is hidden until someone decides who may see it.
 */
import { z } from 'zod';
import { isoDate } from '../shared/validation.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const MILITARY_STATUSES = ['conscript', 'contract', 'mobilised', 'reservist', 'volunteer', 'none', 'unknown'] as const;
export const DOCUMENT_TYPES = ['internal_passport', 'international_passport', 'military_id', 'birth_certificate', 'other'] as const;
export const DOCUMENT_STATES = ['held', 'confiscated', 'lost', 'expired', 'with_authorities'] as const;
export const WANTED_STATUSES = ['unknown', 'not_listed', 'federal', 'interstate', 'interpol'] as const;
export const CLIENT_STATUSES = ['open', 'closed', 'referred'] as const;

export const NameSchema = z
  .object({
    script: z.enum(['cyrillic', 'latin']),
    family: text(200),
    given: text(200).optional(),
    patronymic: text(200).optional(),
  })
  .strict();

export const PersonSchema = z
  .object({
    names: z.array(NameSchema).min(1).max(10).describe('the names and their spellings, Cyrillic and Latin'),
    birthDate: isoDate.optional(),
    languages: z.array(text(40)).max(10).default([]),
    contact: z
      .object({
        method: text(200).describe('a safe way to reach the client (e.g. "Signal, via the caseworker")'),
        times: text(200).optional().describe('when it is safe to contact'),
      })
      .strict()
      .optional(),
  })
  .strict();

export const ServiceSchema = z
  .object({
    unit: text(300).optional(),
    unitNumber: text(40).optional().describe('the military unit number (в/ч)'),
    role: text(200).optional(),
    place: text(300).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    deployed: z.boolean().optional().describe('deployed to a combat zone in this period'),
  })
  .strict();

export const MilitarySchema = z
  .object({
    status: z.enum(MILITARY_STATUSES),
    rank: text(100).optional(),
    service: z.array(ServiceSchema).max(50).default([]),
  })
  .strict();

export const IdentityDocumentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: text(60).optional().describe('searchable by exact value only'),
    state: z.enum(DOCUMENT_STATES),
    note: text(500).optional(),
  })
  .strict();

export const WantedSchema = z
  .object({
    status: z.enum(WANTED_STATUSES),
    checkedOn: isoDate.optional(),
    evidence: text(2000).optional().describe('where the status was seen (a URL, a document)'),
  })
  .strict();

export const ConsentSchema = z
  .object({
    /** May the file be shared with named members of the organisation (volunteers)? */
    shareWithinOrganisation: z.boolean().default(false),
    /** Organisations (slugs) the client agreed the file may be referred to; '*' for any. */
    referralTo: z
      .array(z.string().regex(/^(\*|[a-z0-9][a-z0-9-]{1,62})$/, 'an organisation slug, or * for any'))
      .max(50)
      .default([]),
    until: isoDate.optional().describe('the consent ends at the end of this day'),
    recordedOn: isoDate.optional(),
  })
  .strict();

/** A link from the client to the tracker's record of a Russian criminal case (kept inside the ciphertext). */
export const CaseLinkSchema = z
  .object({
    linkId: z.string().uuid(),
    caseId: z.number().int().positive(),
    courtVnkod: z.string(),
    caseNumber: z.string().nullable(),
    judicialUid: z.string().nullable(),
    linkedAt: z.string(),
    /** The capture the card was read from when it was linked: its sha256 proves what the card said then. */
    captureId: z.number().int().nullable(),
    captureSha256: z.string().nullable(),
  })
  .strict();

export const ClientRecordSchema = z
  .object({
    person: PersonSchema,
    military: MilitarySchema.optional(),
    documents: z.array(IdentityDocumentSchema).max(20).default([]),
    criminalCases: z.array(CaseLinkSchema).max(20).default([]),
    wanted: WantedSchema.optional(),
    consent: ConsentSchema.default({ shareWithinOrganisation: false, referralTo: [] }),
    summary: text(5000).optional().describe('free text: the story in brief'),
  })
  .strict();
export type ClientRecord = z.infer<typeof ClientRecordSchema>;
export type CaseLink = z.infer<typeof CaseLinkSchema>;

/** What a new client is created with (links to court records are added afterwards, by id). */
export const NewClientSchema = ClientRecordSchema.omit({ criminalCases: true });
export type NewClient = z.input<typeof NewClientSchema>;

/**
 * What a list of files shows of each record (src/casework/clients.ts, listClients and clientFigures): the names,
 * the military status and the number of linked cases, each checked as the full schema checks it; the rest of the
 * record (authenticated with it by AEAD, and checked in full whenever the file itself is opened) is not parsed.
 */
export const RecordSummarySchema = z.object({
  person: z.object({ names: PersonSchema.shape.names }),
  military: z.object({ status: MilitarySchema.shape.status }).optional(),
  criminalCases: z.array(z.unknown()).max(20).default([]),
});
export type RecordSummary = z.infer<typeof RecordSummarySchema>;

/** The name to show for a client: the first Latin spelling, else the first. */
export function displayName(record: { person: { names: ReadonlyArray<z.infer<typeof NameSchema>> } }): string {
  const name = record.person.names.find((n) => n.script === 'latin') ?? record.person.names[0];
  if (!name) return '';
  return [name.given, name.patronymic, name.family].filter(Boolean).join(' ');
}
