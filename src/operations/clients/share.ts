/** Share a client file with a named member of the organisation (a volunteer then sees it), or stop sharing it. */
import { z } from 'zod';
import { shareClient, unshareClient } from '../../casework/clients.ts';
import { refused } from '../../casework/refusal.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

const ShareInput = z.object({ id: clientId, userId: z.string().uuid('expected a member id') }).strict();
const SharedWith = z.object({ sharedWith: z.array(z.string()) });

export const shareClientOperation = defineOperation({
  name: 'clients.share',
  summary: 'Share a client file with a member of your organisation (with the client’s consent to sharing)',
  input: ShareInput,
  output: SharedWith,
  policy: clientPolicy.share,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, userId }) =>
    onFile(ctx, {
      action: 'clients.share',
      policy: clientPolicy.share,
      clientId: id,
      resource: () => ({ type: 'share', id: `${id}:${userId}` }),
      run: async (tx, file, actor) => {
        if (!file.record.consent.shareWithinOrganisation) {
          throw refused(ErrorCode.InputInvalid, 'no_share_consent', 'the client has not consented to sharing his file (consent.shareWithinOrganisation)', {
            where: 'consent',
          });
        }
        await shareClient(tx, actor.orgId, id, userId, actor.userId);
        return { sharedWith: [...new Set([...file.sharedWith, userId])] };
      },
    }),
});

export const unshareClientOperation = defineOperation({
  name: 'clients.unshare',
  summary: 'Stop sharing a client file with a member',
  input: ShareInput,
  output: SharedWith,
  policy: clientPolicy.share,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, userId }) =>
    onFile(ctx, {
      action: 'clients.unshare',
      policy: clientPolicy.share,
      clientId: id,
      resource: () => ({ type: 'share', id: `${id}:${userId}` }),
      run: async (tx, file, actor) => {
        await unshareClient(tx, actor.orgId, id, userId);
        return { sharedWith: file.sharedWith.filter((u) => u !== userId) };
      },
    }),
});
