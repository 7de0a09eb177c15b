/** The newest captures of the evidence archive, every column (URLs as captured: evidence). */
import { z } from 'zod';
import { listCaptures } from '../../courts/archive/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';

export const ListCapturesInput = z.object({ limit: z.coerce.number().int().min(1).max(100_000).default(50).describe('how many, newest first') }).strict();

const headers = z.array(z.tuple([z.string(), z.string()])).nullable();

export const CaptureRowSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  retrieved_at: z.string().nullable(),
  ingested_at: z.string(),
  http_status: z.number().int().nullable(),
  http_headers: headers,
  request_headers: headers,
  sha256: z.string(),
  content_type: z.string().nullable(),
  source: z.enum(['file', 'warc', 'crawl', 'synthetic']),
  source_ref: z.string().nullable(),
  synthetic: z.boolean(),
  page_kind: z.string(),
  layout: z.string().nullable(),
  court_vnkod: z.string().nullable(),
});

export const listCapturesOperation = defineOperation({
  name: 'archive.list',
  summary: 'List captures, newest first',
  input: ListCapturesInput,
  output: z.array(CaptureRowSchema),
  policy: archivePolicy.list,
  surfaces: {
    api: "the API lists one case's captures (GET /api/v1/cases/:id/captures) with URLs fit for the public; the whole archive with URLs as captured is for whoever holds the data folder",
    cli: true,
  },
  run: (ctx, { limit }) => listCaptures(ctx.db, limit),
});
