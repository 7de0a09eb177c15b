/** Link a client file to the tracker's record of his Russian criminal case. */
import { updateClient } from '../../casework/clients.ts';
import { CaseChoiceBase, CaseChoiceSchema, makeLink, resolveCase } from '../../casework/links.ts';
import { CaseLinkSchema } from '../../casework/record.ts';
import { refused } from '../../casework/refusal.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const linkCaseOperation = defineOperation({
  name: 'clients.link_case',
  summary:
    "Link a client file to a criminal case in the tracker (by case id, judicial UID, or court and case number); the link keeps the card's capture and sha256",
  input: CaseChoiceBase.extend({ id: clientId }).strict(),
  output: CaseLinkSchema,
  policy: clientPolicy.linkCase,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, ...choice }) =>
    onFile(ctx, {
      action: 'clients.link_case',
      policy: clientPolicy.linkCase,
      clientId: id,
      forUpdate: true,
      run: async (tx, file, actor) => {
        const parsed = CaseChoiceSchema.safeParse(choice);
        if (!parsed.success) throw new OtkazError(ErrorCode.Usage, parsed.error.issues.map((i) => i.message).join('; '));
        const caseId = await resolveCase(tx, parsed.data);
        if (file.record.criminalCases.some((l) => l.caseId === caseId))
          throw refused(ErrorCode.InputInvalid, 'case_already_linked', `case #${caseId} is already linked to this file`, { values: { caseId } });
        const link = await makeLink(tx, caseId, ctx.casework.now());
        await updateClient(tx, ctx.casework.keyring, actor.orgId, id, file.row.revision, {
          ...file.record,
          criminalCases: [...file.record.criminalCases, link],
        });
        return link;
      },
    }),
});
