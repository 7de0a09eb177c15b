/**
 * Refer a client to another organisation, with his consent: the receiving organisation gets a copy of the record
 * and the documents, re-encrypted under its own data key; both sides keep the referral row and an audit entry in
 * their own chain. Before the copy, a conflict check: how many files of the receiving organisation share an
 * identity-document number or a name spelling with this one (told as a number, nothing else).
 */
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { findClients, insertClient, lookupTerms } from '../../casework/clients.ts';
import { addDocument, listDocuments, readDocument } from '../../casework/documents.ts';
import { organisationId } from '../../casework/members.ts';
import { recordReferral } from '../../casework/referrals.ts';
import { enterTenant } from '../../casework/tenant.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { auditActorOf, onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const referClientOperation = defineOperation({
  name: 'clients.refer',
  summary: 'Refer a client to another organisation (with his consent): a copy re-encrypted for it, recorded on both sides',
  input: z.object({ id: clientId, organisation: z.string().trim().min(2).max(64).describe('the receiving organisation (slug)') }).strict(),
  output: z.object({ referralId: z.string(), organisation: z.string(), possibleDuplicates: z.number().int(), documents: z.number().int() }),
  policy: clientPolicy.refer,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, organisation }) =>
    onFile(ctx, {
      action: 'clients.refer',
      policy: clientPolicy.refer,
      clientId: id,
      resource: (r) => ({ type: 'referral', id: r.referralId }),
      run: async (tx, file, actor) => {
        const target = await organisationId(tx, organisation, 'organisation');
        if (target.id === actor.orgId)
          throw new OtkazError(ErrorCode.InputInvalid, 'a file cannot be referred to its own organisation', { where: 'organisation' });
        const consent = file.record.consent;
        const today = ctx.casework.now().toISOString().slice(0, 10);
        if (!consent.referralTo.includes(target.slug) && !consent.referralTo.includes('*')) {
          throw new OtkazError(ErrorCode.InputInvalid, `the client has not consented to a referral to '${target.slug}' (consent.referralTo)`, {
            where: 'consent',
          });
        }
        if (consent.until && consent.until < today)
          throw new OtkazError(ErrorCode.InputInvalid, `the client's consent ended on ${consent.until}`, { where: 'consent.until' });
        const keyring = ctx.casework.keyring;
        // Read what goes with the file under this organisation's wall, then write the copy under the receiver's.
        const documents: Array<Awaited<ReturnType<typeof readDocument>>> = [];
        for (const doc of await listDocuments(tx, keyring, actor.orgId, id)) documents.push(await readDocument(tx, keyring, actor.orgId, id, doc.id));
        await enterTenant(ctx.db, tx, target.id);
        const duplicates = new Set<string>();
        for (const term of lookupTerms(file.record)) {
          if (term.kind === 'case_ref') continue;
          for (const match of await findClients(tx, keyring, target.id, term.kind, term.value)) duplicates.add(match);
        }
        const copy = await insertClient(tx, keyring, target.id, { record: file.record, createdBy: null, synthetic: file.row.synthetic });
        for (const { meta, bytes } of documents) await addDocument(tx, keyring, target.id, copy, null, { name: meta.name, mediaType: meta.mediaType, bytes });
        const referralId = await recordReferral(tx, { fromOrg: actor.orgId, toOrg: target.id, fromClient: id, toClient: copy, by: actor.userId });
        await appendAudit(tx, ctx.casework.audit, {
          orgId: target.id,
          actor: auditActorOf(actor),
          action: 'clients.referral_received',
          resourceType: 'client',
          resourceId: copy,
          outcome: 'ok',
          ip: ctx.casework.ip,
        });
        await enterTenant(ctx.db, tx, actor.orgId);
        return { referralId, organisation: target.slug, possibleDuplicates: duplicates.size, documents: documents.length };
      },
    }),
});
