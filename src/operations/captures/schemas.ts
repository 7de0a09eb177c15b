/** The shapes of capture answers. */
import { z } from 'zod';
import { id } from '../../shared/validation.ts';
import { CaseCaptureSchema } from '../cases/schemas.ts';

export const CaptureInput = z.object({ id: id.describe('the capture id') }).strict();

export const CaptureInfoSchema = CaseCaptureSchema.extend({ court_vnkod: z.string().nullable() });

export const CaptureMetaSchema = z.object({
  id: z.number().int(),
  url: z.string().nullable(),
  retrieved_at: z.string().nullable(),
  http_status: z.number().int().nullable(),
  sha256: z.string(),
  content_type: z.string().nullable(),
  synthetic: z.boolean(),
});
