/**
 * Refer a client to another organisation, with his consent: the receiving organisation gets a copy of the record,
 * the documents, the asylum applications (with their steps and hand-set deadlines) and the checklist marks, each
 * re-encrypted under its own data key and with new ids (a step or mark that named a document names its copy);
 * notes and shares stay with the referring organisation, whose file is left as it was. Both sides keep the referral
 * row and an audit entry in their own chain. Before the copy, a conflict check: how many files of the receiving
 * organisation share an identity-document number or a name spelling with this one (told as a number, nothing else).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { listApplications, storeApplication } from '../../casework/applications.ts';
import { listMarks, storeMark } from '../../casework/checklist-marks.ts';
import { findClients, insertClient, lookupTerms } from '../../casework/clients.ts';
import { addDocument, listDocuments, readDocument } from '../../casework/documents.ts';
import { organisationId } from '../../casework/members.ts';
import { recordReferral } from '../../casework/referrals.ts';
import { refused } from '../../casework/refusal.ts';
import { enterTenant } from '../../casework/tenant.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { auditActorOf, onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const referClientOperation = defineOperation({
  name: 'clients.refer',
  summary: 'Refer a client to another organisation (with his consent): a copy re-encrypted for it, recorded on both sides',
  input: z.object({ id: clientId, organisation: z.string().trim().min(2).max(64).describe('the receiving organisation (slug)') }).strict(),
  output: z.object({
    referralId: z.string(),
    organisation: z.string(),
    possibleDuplicates: z.number().int(),
    documents: z.number().int(),
    applications: z.number().int().describe('asylum applications copied, with their steps'),
    checklistMarks: z.number().int().describe('checklist marks copied'),
  }),
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
          throw refused(ErrorCode.InputInvalid, 'refer_own_organisation', 'a file cannot be referred to its own organisation', { where: 'organisation' });
        const consent = file.record.consent;
        const today = ctx.casework.now().toISOString().slice(0, 10);
        if (!consent.referralTo.includes(target.slug) && !consent.referralTo.includes('*')) {
          throw refused(ErrorCode.InputInvalid, 'no_referral_consent', `the client has not consented to a referral to '${target.slug}' (consent.referralTo)`, {
            where: 'consent',
            values: { organisation: target.slug },
          });
        }
        if (consent.until && consent.until < today)
          throw refused(ErrorCode.InputInvalid, 'consent_ended', `the client's consent ended on ${consent.until}`, {
            where: 'consent.until',
            values: { until: consent.until },
          });
        const keyring = ctx.casework.keyring;
        // Read what goes with the file under this organisation's wall, then write the copy under the receiver's.
        const documents: Array<{ id: string } & Awaited<ReturnType<typeof readDocument>>> = [];
        for (const doc of await listDocuments(tx, keyring, actor.orgId, id))
          documents.push({ id: doc.id, ...(await readDocument(tx, keyring, actor.orgId, id, doc.id)) });
        const applications = await listApplications(tx, keyring, actor.orgId, id);
        const marks = await listMarks(tx, keyring, actor.orgId, id);
        await enterTenant(ctx.db, tx, target.id);
        const duplicates = new Set<string>();
        for (const term of lookupTerms(file.record)) {
          if (term.kind === 'case_ref') continue;
          for (const match of await findClients(tx, keyring, target.id, term.kind, term.value)) duplicates.add(match);
        }
        const copy = await insertClient(tx, keyring, target.id, { record: file.record, createdBy: null, synthetic: file.row.synthetic });
        // The copy's documents have new ids: what named a document of this file names its copy.
        const copied = new Map<string, string>();
        for (const doc of documents) {
          const added = await addDocument(tx, keyring, target.id, copy, null, { name: doc.meta.name, mediaType: doc.meta.mediaType, bytes: doc.bytes });
          copied.set(doc.id, added.id);
        }
        for (const { id: _id, revision: _revision, ...application } of applications) {
          const steps = application.steps.map((s) => ({ ...s, documentIds: s.documentIds.flatMap((d) => copied.get(d) ?? []) }));
          await storeApplication(tx, keyring, target.id, copy, { ...application, steps, id: randomUUID(), revision: 1 });
        }
        for (const { id: _id, revision: _revision, markedBy: _by, ...mark } of marks) {
          // A document gone before the referral stays named: the copy's item is to check again, as this one's is.
          const documentIds = mark.documentIds.map((d) => copied.get(d) ?? d);
          await storeMark(tx, keyring, target.id, copy, { ...mark, documentIds, id: randomUUID(), revision: 1, markedBy: null });
        }
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
        return {
          referralId,
          organisation: target.slug,
          possibleDuplicates: duplicates.size,
          documents: documents.length,
          applications: applications.length,
          checklistMarks: marks.length,
        };
      },
    }),
});
