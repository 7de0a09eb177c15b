/**
 * Remove a link from a client file to the tracker's record of a criminal case (the link's id: GET /clients/:id lists
 * them). The record is re-sealed without it and its case references leave the blind index; the tracker's case is
 * untouched. A checklist mark that named the linked record is kept, and its item shows to check again. The same
 * rule as linking (src/policies/clients.ts: the workers of the file's organisation).
 */
import { z } from 'zod';
import { listMarks, marksNaming } from '../../casework/checklist-marks.ts';
import { updateClient } from '../../casework/clients.ts';
import { refused } from '../../casework/refusal.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const unlinkCaseOperation = defineOperation({
  name: 'clients.unlink_case',
  summary: 'Remove the link from a client file to a criminal case in the tracker (the case itself is untouched); checklist items it met are to check again',
  input: z.object({ id: clientId, linkId: z.string().uuid('expected a link id (GET /api/v1/clients/:id lists them)') }).strict(),
  output: z.object({
    linkId: z.string(),
    caseId: z.number().int(),
    revision: z.number().int().describe("the file's revision after the change"),
    marksToCheck: z.number().int().describe('checklist marks that named the linked record: their items are to check again'),
  }),
  policy: clientPolicy.linkCase,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, linkId }) =>
    onFile(ctx, {
      action: 'clients.unlink_case',
      policy: clientPolicy.linkCase,
      clientId: id,
      forUpdate: true,
      resource: () => ({ type: 'case_link', id: linkId }),
      run: async (tx, file, actor) => {
        const link = file.record.criminalCases.find((l) => l.linkId === linkId);
        if (!link) throw refused(ErrorCode.InputNotFound, 'no_link', 'no such court record link in this client file', { where: 'linkId' });
        const revision = await updateClient(tx, ctx.casework.keyring, actor.orgId, id, file.row.revision, {
          ...file.record,
          criminalCases: file.record.criminalCases.filter((l) => l.linkId !== linkId),
        });
        const marksToCheck = marksNaming(await listMarks(tx, ctx.casework.keyring, actor.orgId, id), { linkId });
        return { linkId, caseId: link.caseId, revision, marksToCheck };
      },
    }),
});
