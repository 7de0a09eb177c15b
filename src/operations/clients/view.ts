/** A client file as its caller may see it: the record's allowed groups, and what hangs off them. */
import type { ClientFile } from '../../casework/clients.ts';
import { listDocuments } from '../../casework/documents.ts';
import { ALLOWED_GROUPS, allows, visibleRecord } from '../../casework/fields.ts';
import { linkedCaseView } from '../../casework/links.ts';
import { listNotes } from '../../casework/notes.ts';
import type { Queryable } from '../../db/database.ts';
import type { UserActor } from '../../ops/actor.ts';
import type { OperationContext } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import type { ClientFileView } from './schemas.ts';

export async function fileView(ctx: OperationContext, tx: Queryable, file: ClientFile, actor: UserActor): Promise<ClientFileView> {
  const role = actor.role;
  const keyring = ctx.casework.keyring;
  const resource = { orgId: file.row.org_id, sharedWith: file.sharedWith };
  const view: ClientFileView = {
    id: file.row.id,
    status: file.row.status,
    revision: file.row.revision,
    synthetic: file.row.synthetic,
    createdAt: file.row.created_at,
    updatedAt: file.row.updated_at,
    closedAt: file.row.closed_at,
    record: visibleRecord(role, file.record),
    access: {
      groups: [...ALLOWED_GROUPS[role]],
      edit: clientPolicy.update.check(actor, ctx.config, resource).allow,
      share: clientPolicy.share.check(actor, ctx.config, resource).allow,
      deleteDocuments: clientPolicy.deleteDocument.check(actor, ctx.config, resource).allow,
    },
  };
  if (allows(role, 'criminalCases')) view.cases = await Promise.all(file.record.criminalCases.map((link) => linkedCaseView(tx, link)));
  if (allows(role, 'notes')) view.notes = await listNotes(tx, keyring, file.row.org_id, file.row.id);
  if (allows(role, 'files')) view.documents = await listDocuments(tx, keyring, file.row.org_id, file.row.id);
  if (view.access.share) view.sharedWith = file.sharedWith;
  return view;
}
