/** The archived captures a case was read from. */
import { z } from 'zod';
import { caseCaptures, caseHead } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { CaseCaptureSchema } from './schemas.ts';
import { ShowCaseInput } from './show.ts';

export const caseCapturesOperation = defineOperation({
  name: 'cases.captures',
  summary:
    'The archived captures a case was read from: URL, retrieval time, HTTP status, sha256 (redacted rendering at /api/v1/captures/:id/redacted; raw page, with a token, at /api/v1/captures/:id/raw)',
  input: ShowCaseInput,
  output: z.array(CaseCaptureSchema),
  policy: casePolicy.read,
  surfaces: { api: true, cli: '`cases show <id>` prints the captures; `archive list` lists the whole archive' },
  async run(ctx, { id }) {
    await caseHead(ctx.db, id);
    return caseCaptures(ctx.db, id);
  },
});
