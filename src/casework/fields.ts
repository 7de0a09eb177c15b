/**
 * Field allow-lists per role: which groups of a client's record a member may see. An allow-list (not a deny-list):
 * a group missing from a role's list is hidden from it. `statistics` sees no identifying group at all; volunteers
 * see the files shared with them (src/policies/clients.ts decides which files), without identity-document numbers
 * or the consent record.
 */
import type { MemberRole } from '../shared/roles.ts';
import type { ClientRecord } from './record.ts';

export const FIELD_GROUPS = ['person', 'military', 'documents', 'criminalCases', 'wanted', 'consent', 'summary', 'notes', 'files'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const ALLOWED_GROUPS: Record<MemberRole, readonly FieldGroup[]> = {
  org_admin: FIELD_GROUPS,
  lawyer: FIELD_GROUPS,
  caseworker: FIELD_GROUPS,
  volunteer: ['person', 'military', 'criminalCases', 'wanted', 'summary', 'notes', 'files'],
  statistics: [],
};

export function allows(role: MemberRole, group: FieldGroup): boolean {
  return ALLOWED_GROUPS[role].includes(group);
}

/** Groups a role may see in a list of clients: the name only where it may see the person at all. */
export function listShowsName(role: MemberRole): boolean {
  return allows(role, 'person');
}

/** The record with only the groups the role may see (the others absent, not emptied). */
export function visibleRecord(role: MemberRole | 'local', record: ClientRecord): Partial<ClientRecord> {
  if (role === 'local') return record;
  const out: Partial<ClientRecord> = {};
  const copy = <K extends keyof ClientRecord>(key: K & FieldGroup) => {
    if (allows(role, key) && record[key] !== undefined) out[key] = record[key];
  };
  copy('person');
  copy('military');
  copy('documents');
  copy('criminalCases');
  copy('wanted');
  copy('consent');
  copy('summary');
  return out;
}

/**
 * A whole record saved by a role (clients.update): the groups the role may not see are kept as stored, whatever the
 * caller sent — it never saw them, so what it sent for them (nothing, or the schema's defaults: no documents, no
 * consent) is not a change it made. The server decides this, not the browser.
 */
export function keepHiddenGroups(role: MemberRole, stored: ClientRecord, sent: ClientRecord): ClientRecord {
  const out: ClientRecord = { ...sent };
  const keep = <K extends keyof ClientRecord>(key: K & FieldGroup) => {
    if (allows(role, key)) return;
    if (stored[key] === undefined) delete out[key];
    else out[key] = stored[key];
  };
  keep('person');
  keep('military');
  keep('documents');
  keep('criminalCases');
  keep('wanted');
  keep('consent');
  keep('summary');
  return out;
}
