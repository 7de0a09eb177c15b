/** A case's charges per defendant, with the penalty ranges of the guidance knowledge base. */
import { z } from 'zod';
import { caseCharges, caseHead } from '../../courts/cases/read.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { CaseChargeSchema, CasePenaltySchema } from './schemas.ts';
import { ShowCaseInput } from './show.ts';

export const CaseArticlesSchema = z.object({ articles: z.array(CaseChargeSchema), penalties: z.array(CasePenaltySchema) });

export const articlesOperation = defineOperation({
  name: 'cases.articles',
  summary: "A case's charges: article, part, point per defendant, with the penalty ranges of the guidance knowledge base",
  input: ShowCaseInput,
  output: CaseArticlesSchema,
  policy: casePolicy.read,
  surfaces: { api: true, cli: '`cases show <id>` prints the charges and the penalty ranges' },
  async run(ctx, { id }) {
    await caseHead(ctx.db, id);
    const articles = await caseCharges(ctx.db, id);
    return { articles, penalties: penaltiesFor(ctx.kb, articles) };
  },
});
