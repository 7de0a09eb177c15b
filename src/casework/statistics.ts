/**
 * The unit records an anonymised statistics release counts (src/disclosure/release.ts), read from one
 * organisation's client files: only non-identifying categories — the military-status group and status, the
 * destination, year, stage kind and outcome of the client's first asylum application. Decrypted here, inside the
 * caller's transaction (in the organisation's wall), and never returned outside the release operation: no name,
 * date, unit, reference or free text is read into a record, and no record leaves the process.
 */
import { fromEurostat } from '../asylum/codes/countries.ts';
import type { Queryable } from '../db/database.ts';
import { GROUPS, MILITARY, type UnitRecord } from '../disclosure/release.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { listApplications } from './applications.ts';
import { openRecord } from './clients.ts';
import type { Keyring } from './keyring.ts';

type Step = { filedOn?: string | undefined; decidedOn?: string | undefined; servedOn?: string | undefined; stage: string; outcome?: string | undefined };

const dayOf = (step: Step) => step.filedOn ?? step.decidedOn ?? step.servedOn ?? null;

function groupOf(status: string | undefined): { group: UnitRecord['group']; status?: UnitRecord['status'] } {
  const military = MILITARY.find((s) => s === status);
  if (military) return { group: 'military', status: military };
  if (status === 'none') return { group: 'not_military' };
  return { group: GROUPS[2] };
}

/** A unit record with the file it was read from (kept inside the release command, to count a referred client once). */
export interface FileUnit {
  clientId: string;
  unit: UnitRecord;
}

/** One record per client with at least one dated application step in a destination the procedures model knows. */
export async function unitRecords(db: Queryable, keyring: Keyring, catalogue: ProcedureCatalogue, orgId: string): Promise<FileUnit[]> {
  const rows = await db.query<{ id: string; record: Uint8Array }>('select id, record from clients where org_id = $1 order by id', [orgId]);
  const out: FileUnit[] = [];
  for (const row of rows) {
    const record = await openRecord(db, keyring, orgId, row.id, row.record);
    const applications = await listApplications(db, keyring, orgId, row.id);
    // The first application: the one whose earliest dated step is earliest.
    let first: { destination: string; procedure: string; steps: Step[]; start: string } | null = null;
    for (const application of applications) {
      const days = application.steps.map(dayOf).filter((d): d is string => d !== null);
      if (!days.length) continue;
      const start = days.sort()[0] as string;
      if (!first || start < first.start) first = { destination: application.destination, procedure: application.procedure, steps: application.steps, start };
    }
    if (!first) continue;
    const destination = fromEurostat(first.destination);
    if (!destination) continue;
    const year = first.start.slice(0, 4);
    const yearEnd = `${year}-12-31`;
    // As at the end of the year: the last step dated by then.
    const dated = first.steps.filter((s) => (dayOf(s) ?? '9999') <= yearEnd).sort((a, b) => ((dayOf(a) ?? '') < (dayOf(b) ?? '') ? -1 : 1));
    const last = dated[dated.length - 1];
    const stage = last ? catalogue.stage(first.procedure, last.stage) : null;
    const outcome = last?.outcome && stage ? stage.outcomes.find((o) => o.id === last.outcome) : undefined;
    out.push({
      clientId: row.id,
      unit: {
        year,
        ...groupOf(record.military?.status),
        destination,
        stage: stage?.kind ?? 'filing',
        outcome: !outcome || stage?.kind === 'filing' ? 'pending' : outcome.protection ? 'protection' : 'no_protection',
      },
    });
  }
  return out;
}

/** A referral as the release sees it: the referring file, the copy it made, when. */
export interface ReferralEdge {
  from: string;
  to: string;
  at: string;
}

/**
 * One record per person across the pooled organisations: a referral copies a file with its applications
 * (src/operations/clients/refer.ts), so a client referred between two sharing organisations has a unit record in
 * each. The files joined by referrals (also through a file whose organisation does not share) are one person; of
 * them, the file that received the latest referral is counted (the organisation that works on the case now), else
 * the one file there is. Pure.
 */
export function oncePerPerson(found: readonly FileUnit[], referrals: readonly ReferralEdge[]): UnitRecord[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    const next = parent.get(id);
    if (next === undefined) return id;
    const r = root(next);
    parent.set(id, r);
    return r;
  };
  const receivedAt = new Map<string, string>();
  for (const edge of referrals) {
    const [a, b] = [root(edge.from), root(edge.to)];
    if (a !== b) parent.set(a, b);
    const seen = receivedAt.get(edge.to);
    if (seen === undefined || seen < edge.at) receivedAt.set(edge.to, edge.at);
  }
  const rank = (f: FileUnit) => receivedAt.get(f.clientId) ?? '';
  const chosen = new Map<string, FileUnit>();
  for (const file of found) {
    const person = root(file.clientId);
    const held = chosen.get(person);
    if (!held || rank(file) > rank(held) || (rank(file) === rank(held) && file.clientId > held.clientId)) chosen.set(person, file);
  }
  return found.filter((f) => chosen.get(root(f.clientId)) === f).map((f) => f.unit);
}

/** The destinations every release has a column for: the countries of the procedure models (ISO3), in their order. */
export function releaseDestinations(catalogue: ProcedureCatalogue): string[] {
  return catalogue.countries.map((c) => fromEurostat(c.country)).filter((c): c is string => c !== null);
}
