/**
 * Find client files by an exact value — an identity-document number, a name as spelled, a case number or judicial
 * UID — through the blind indexes. A POST, so the value never travels in a URL (nor lands in an access log).
 */
import { z } from 'zod';
import { findClients, listClients } from '../../casework/clients.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onOrganisation } from './member.ts';
import { ClientSummarySchema } from './schemas.ts';

export const searchClientsOperation = defineOperation({
  name: 'clients.search',
  summary: 'Find client files by an exact identity-document number, name spelling or case reference (no partial matches)',
  input: z.object({ kind: z.enum(['document_number', 'name', 'case_ref']), value: z.string().trim().min(2).max(200) }).strict(),
  output: z.object({ clients: z.array(ClientSummarySchema) }),
  policy: clientPolicy.search,
  surfaces: { api: true, cli: 'the value would stay in the shell history: search in the web app' },
  run: (ctx, { kind, value }) =>
    onOrganisation(ctx, {
      action: 'clients.search',
      policy: clientPolicy.search,
      run: async (tx, actor) => {
        const ids = new Set(await findClients(tx, ctx.casework.keyring, actor.orgId, kind, value));
        if (!ids.size) return { clients: [] };
        const all = await listClients(tx, ctx.casework.keyring, actor.orgId, { withNames: true, limit: 10000, offset: 0 });
        return { clients: all.clients.filter((c) => ids.has(c.id)) };
      },
    }),
});
