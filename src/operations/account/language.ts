/**
 * `account.language`: the language the member reads the app in, kept for what reaches him outside it — reminder
 * e-mails and calendar entries. The web app sends it when the member signs in and whenever he switches language.
 */
import { z } from 'zod';
import { LOCALES, setMemberLocale } from '../../accounts/users.ts';
import { enterTenant } from '../../casework/tenant.ts';
import { authorize, defineOperation } from '../../ops/operation.ts';
import { accountPolicy } from '../../policies/account.ts';
import { memberOf } from '../clients/member.ts';

export const languageOperation = defineOperation({
  name: 'account.language',
  summary: 'Set your language (en, ru): reminder e-mails and calendar entries are written in it',
  input: z.object({ language: z.enum(LOCALES) }).strict(),
  output: z.object({ language: z.enum(LOCALES) }),
  policy: accountPolicy.language,
  surfaces: { api: true, cli: true },
  async run(ctx, { language }) {
    const actor = memberOf(ctx);
    await ctx.db.transaction(async (tx) => {
      await enterTenant(ctx.db, tx, actor.orgId);
      authorize(ctx, accountPolicy.language, { orgId: actor.orgId });
      await setMemberLocale(tx, actor.orgId, actor.userId, language);
    });
    return { language };
  },
});
