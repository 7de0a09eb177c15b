/**
 * The deadlines of an organisation's open client files, or of one member's (the files he opened and the files
 * shared with him by name): each file's applications opened (src/casework/applications.ts) and their deadlines
 * computed (src/agenda/deadlines.ts). Every query names the organisation (the tenant wall of the data layer; the
 * caller runs it inside the organisation's row-level-security transaction where a member asks).
 */
import { listApplications } from '../casework/applications.ts';
import { openRecord } from '../casework/clients.ts';
import type { Keyring } from '../casework/keyring.ts';
import { type ClientRecord, displayName } from '../casework/record.ts';
import type { Queryable } from '../db/database.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { type ApplicationDeadline, applicationDeadlines } from './deadlines.ts';

export interface AgendaEntry extends ApplicationDeadline {
  readonly clientId: string;
  readonly applicationId: string;
  /** The client's name as the member's own list of files shows it; null where not asked for (e-mails, calendars). */
  readonly clientName: string | null;
  /** Initials and a short file reference: all that e-mails and calendar entries carry of the client. */
  readonly initials: string;
  readonly fileRef: string;
  readonly destination: string;
  readonly procedure: string;
  /** The authority's file number (shown in the app only). */
  readonly reference: string | null;
}

export interface AgendaScope {
  /** Only the files this member opened or that are shared with him; absent: every open file of the organisation. */
  readonly userId?: string;
  /** Put the client's name in (the member's own view). */
  readonly withNames: boolean;
}

/** "A. B." from the name the file shows first (Latin spelling preferred), never more. */
export function initialsOf(record: Pick<ClientRecord, 'person'>): string {
  const name = record.person.names.find((n) => n.script === 'latin') ?? record.person.names[0];
  if (!name) return '?';
  return [name.given, name.family]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${[...part.trim()][0]?.toUpperCase() ?? ''}.`)
    .join(' ');
}

/** The short reference of a client file in e-mails and calendars: the first 8 characters of its random id. */
export const fileRefOf = (clientId: string): string => clientId.slice(0, 8);

export async function loadAgenda(db: Queryable, keyring: Keyring, catalogue: ProcedureCatalogue, orgId: string, scope: AgendaScope): Promise<AgendaEntry[]> {
  const params: unknown[] = [orgId];
  let mine = '';
  if (scope.userId) {
    params.push(scope.userId);
    mine = ` and (c.created_by = $2 or exists (select 1 from client_shares s where s.org_id = c.org_id and s.client_id = c.id and s.user_id = $2))`;
  }
  const files = await db.query<{ id: string; record: Uint8Array }>(
    `select c.id, c.record from clients c
      where c.org_id = $1 and c.status = 'open'${mine}
        and exists (select 1 from client_applications a where a.org_id = c.org_id and a.client_id = c.id)
      order by c.id`,
    params,
  );
  const out: AgendaEntry[] = [];
  for (const file of files) {
    const record = await openRecord(db, keyring, orgId, file.id, file.record);
    const who = { clientId: file.id, clientName: scope.withNames ? displayName(record) : null, initials: initialsOf(record), fileRef: fileRefOf(file.id) };
    for (const application of await listApplications(db, keyring, orgId, file.id))
      for (const deadline of applicationDeadlines(application, catalogue))
        out.push({
          ...deadline,
          ...who,
          key: `${application.id}:${deadline.key}`,
          applicationId: application.id,
          destination: application.destination,
          procedure: application.procedure,
          reference: application.reference ?? null,
        });
  }
  return out;
}
