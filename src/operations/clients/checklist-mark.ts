/**
 * A worker's judgement on one item of a client's document checklist (issue #14): met by named documents of the
 * file and/or linked court records, not applicable with the reason, or reopened; with an optional note. On the
 * revision the worker read (0: the item had no mark) — a change made meanwhile by someone else is refused. The
 * workers of the file's organisation only; audited like every change of a file (src/operations/clients/member.ts).
 */
import { z } from 'zod';
import { checklistFor } from '../../casework/checklist.ts';
import { JUDGEMENTS, MARK_LIMITS, markItem } from '../../casework/checklist-marks.ts';
import { linkedCaseView } from '../../casework/links.ts';
import { CLAIM_TYPES } from '../../guidance/schema.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

const uuid = (what: string) => z.string().uuid(`expected a ${what} id (a UUID)`);

export const markChecklistItemOperation = defineOperation({
  name: 'clients.checklist_mark',
  summary:
    "Record a worker's judgement on a checklist item: met by named documents and/or linked court records, not applicable (with the reason), or reopened — refused when someone changed it since `revision`",
  input: z
    .object({
      id: clientId,
      claimType: z.enum(CLAIM_TYPES).describe('the claim type whose checklist holds the item'),
      itemId: z.string().trim().min(1).max(64).describe("the item's id in that checklist (GET …/checklist lists them)"),
      judgement: z
        .enum(JUDGEMENTS)
        .describe('met: the named documents or court records meet it; not_applicable: with a reason; reopened: back to what the file shows'),
      documentIds: z.array(uuid('document')).max(MARK_LIMITS.documents).default([]).describe('documents of this client file that meet the item (met only)'),
      linkIds: z
        .array(uuid('court record link'))
        .max(MARK_LIMITS.courtRecords)
        .default([])
        .describe('linked court records of this file (their capture archived) that meet the item (met only)'),
      reason: z.string().trim().max(MARK_LIMITS.reason).optional().describe('why the item does not apply (not_applicable only)'),
      note: z.string().trim().max(MARK_LIMITS.note).optional().describe('a short note of the worker'),
      revision: z.number().int().min(0).describe("the item's revision the change was made on (0: it had no mark)"),
    })
    .strict(),
  output: z.object({ id: z.string().describe('the mark'), revision: z.number().int() }),
  policy: clientPolicy.checklistMark,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, ...request }) =>
    onFile(ctx, {
      action: 'clients.checklist_mark',
      policy: clientPolicy.checklistMark,
      clientId: id,
      forUpdate: true,
      resource: (r) => ({ type: 'checklist_mark', id: r.id }),
      run: async (tx, file, actor) => {
        const checklist = checklistFor(ctx.kb, request.claimType);
        if (!checklist) throw new OtkazError(ErrorCode.InputNotFound, `the knowledge base has no checklist for ${request.claimType}`, { where: 'claimType' });
        const records = await Promise.all(file.record.criminalCases.map((link) => linkedCaseView(tx, link)));
        return markItem(
          tx,
          ctx.casework.keyring,
          { orgId: actor.orgId, clientId: id, checklist, records, markedBy: actor.userId },
          request,
          ctx.casework.now(),
        );
      },
    }),
});
