/** The WARC 1.1 of one case's captures (request, response, metadata records): evidence, it holds full names. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { exportWarc } from '../../courts/archive/export.ts';
import { caseHead } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { capturePolicy } from '../../policies/cases.ts';
import { ShowCaseInput } from './show.ts';

export const CaseWarcSchema = z.object({ caseId: z.number().int(), captures: z.number().int(), warc: z.instanceof(Uint8Array) });

export const caseWarcOperation = defineOperation({
  name: 'cases.warc',
  summary: "WARC 1.1 of the case's captures (request, response, metadata records)",
  input: ShowCaseInput,
  output: CaseWarcSchema,
  policy: capturePolicy.evidence,
  surfaces: { api: true, cli: '`archive export --case <id> --out <file>` writes the same WARC to a file' },
  async run(ctx, { id }) {
    await caseHead(ctx.db, id);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-warc-'));
    try {
      const file = path.join(dir, 'case.warc');
      const captures = await exportWarc(ctx.db, file, { caseId: id });
      return { caseId: id, captures, warc: readFileSync(file) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
