/**
 * Who may do what with a client file. Deny by default: a rule says yes only for a verified member of the file's
 * own organisation (the tenant check is inside every rule — and every query is scoped to the actor's organisation
 * as well, src/casework/clients.ts) in a role that may do it:
 *  - org_admin, lawyer, caseworker: every file of their organisation;
 *  - volunteer: only the files shared with them by name (read, add a note, add a document — never delete one: a
 *    deletion cannot be undone, and a worker's checklist judgement may rest on the document);
 *  - statistics: figures without identifying fields (clients.stats), never a file;
 *  - the preparation views (document checklist, exclusion preparation) are for workers only: they read the service
 *    history and weigh allegations, which is the lawyer's work, not a volunteer's; so is judging which document
 *    meets a checklist item (clients.checklist_mark).
 */
import type { Actor } from '../ops/actor.ts';
import { resourceRule } from '../ops/policy.ts';
import type { MemberRole } from '../shared/roles.ts';

/** An organisation, for operations on its set of files (list, create, figures). */
export interface OrgResource {
  readonly orgId: string;
}

/** One client file, as loaded: its organisation and the members it is shared with. */
export interface ClientResource extends OrgResource {
  readonly sharedWith: readonly string[];
}

const WORKERS: ReadonlySet<MemberRole> = new Set(['org_admin', 'lawyer', 'caseworker']);

const member = (actor: Actor, orgId: string): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user' && actor.verified && actor.orgId === orgId;
const worker = (actor: Actor, r: OrgResource) => member(actor, r.orgId) && WORKERS.has(actor.role);
const sharedVolunteer = (actor: Actor, r: ClientResource) => member(actor, r.orgId) && actor.role === 'volunteer' && r.sharedWith.includes(actor.userId);

export const clientPolicy = {
  list: resourceRule<OrgResource>('clients.list', 'member', (actor, r) => member(actor, r.orgId) && actor.role !== 'statistics'),
  create: resourceRule<OrgResource>('clients.create', 'member', worker),
  search: resourceRule<OrgResource>('clients.search', 'member', worker),
  members: resourceRule<OrgResource>('clients.members', 'member', worker),
  referrals: resourceRule<OrgResource>('clients.referrals', 'member', worker),
  stats: resourceRule<OrgResource>('clients.stats', 'member', (actor, r) => member(actor, r.orgId)),
  read: resourceRule<ClientResource>('clients.read', 'member', (actor, r) => worker(actor, r) || sharedVolunteer(actor, r)),
  update: resourceRule<ClientResource>('clients.update', 'member', worker),
  note: resourceRule<ClientResource>('clients.note', 'member', (actor, r) => worker(actor, r) || sharedVolunteer(actor, r)),
  /** Linking a court record and removing a link (clients.link_case, clients.unlink_case). */
  linkCase: resourceRule<ClientResource>('clients.link_case', 'member', worker),
  upload: resourceRule<ClientResource>('clients.upload', 'member', (actor, r) => worker(actor, r) || sharedVolunteer(actor, r)),
  download: resourceRule<ClientResource>('clients.download', 'member', (actor, r) => worker(actor, r) || sharedVolunteer(actor, r)),
  /** Deleting a document (its bytes, metadata and key): the workers only — stricter than adding one. */
  deleteDocument: resourceRule<ClientResource>('clients.delete_document', 'member', worker),
  share: resourceRule<ClientResource>('clients.share', 'member', worker),
  refer: resourceRule<ClientResource>('clients.refer', 'member', worker),
  /** Asylum applications (procedure, dates, outcomes, deadlines): the workers only — not shared volunteers. */
  applications: resourceRule<ClientResource>('clients.applications', 'member', worker),
  applicationWrite: resourceRule<ClientResource>('clients.application_write', 'member', worker),
  /** Preparation views (issue #14): the lawyer's work on a file — not for volunteers or statistics members. */
  checklist: resourceRule<ClientResource>('clients.checklist', 'member', worker),
  exclusion: resourceRule<ClientResource>('clients.exclusion', 'member', worker),
  /** A worker's judgement on a checklist item (met by named documents or court records, not applicable, reopened). */
  checklistMark: resourceRule<ClientResource>('clients.checklist_mark', 'member', worker),
};
