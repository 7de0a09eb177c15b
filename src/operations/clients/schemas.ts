/** The shapes of case-file answers (API response schemas, OpenAPI, the web app's generated types). */
import { z } from 'zod';
import { DocumentMetaSchema } from '../../casework/documents.ts';
import { FIELD_GROUPS } from '../../casework/fields.ts';
import { NOTE_KINDS } from '../../casework/notes.ts';
import { CaseLinkSchema, CLIENT_STATUSES, ClientRecordSchema } from '../../casework/record.ts';
import { CaseHeadSchema, CaseHistorySchema } from '../cases/schemas.ts';

export const clientId = z.string().uuid('expected a client id (a UUID)');

/** What every view of a client file starts with. */
const FileHead = {
  id: z.string(),
  status: z.enum(CLIENT_STATUSES),
  revision: z.number().int(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ClientSummarySchema = z.object({
  ...FileHead,
  name: z.string().nullable().describe('null for roles that may not see the person'),
  militaryStatus: z.string().nullable(),
  linkedCases: z.number().int(),
});

export const NoteSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  occurredOn: z.string().optional(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
});

export const DocumentSummarySchema = DocumentMetaSchema.extend({
  id: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const LinkedCaseSchema = z.object({
  link: CaseLinkSchema,
  current: CaseHeadSchema.extend({ initials: z.array(z.string()) }).nullable(),
  changesSinceLink: z.array(CaseHistorySchema),
  captureArchived: z.boolean(),
});

export const ClientFileSchema = z.object({
  ...FileHead,
  closedAt: z.string().nullable(),
  record: ClientRecordSchema.partial().describe('only the field groups the caller’s role may see'),
  cases: z.array(LinkedCaseSchema).optional(),
  notes: z.array(NoteSchema).optional(),
  documents: z.array(DocumentSummarySchema).optional(),
  sharedWith: z.array(z.string()).optional(),
  access: z.object({
    groups: z.array(z.enum(FIELD_GROUPS)),
    edit: z.boolean(),
    share: z.boolean(),
    deleteDocuments: z.boolean().describe('the caller may delete documents of the file (the workers; not a shared volunteer)'),
  }),
});
export type ClientFileView = z.infer<typeof ClientFileSchema>;
