/**
 * The knowledge base in the database: replaced as a whole, in one transaction, when the YAML files change
 * (content hash), so SQL users and the API read the same version the files hold.
 */
import type { Database } from '../db/database.ts';
import { knowledgeBaseHash } from './files.ts';
import type { LoadedKnowledgeBase } from './load.ts';

/** Loads the knowledge base into the database unless this version is already there; returns whether it loaded. */
export async function syncKnowledgeBase(db: Database, kb: LoadedKnowledgeBase, hash = knowledgeBaseHash()): Promise<boolean> {
  const [current] = await db.query<{ content_hash: string }>('select content_hash from guidance_meta where id = 1');
  if (current?.content_hash === hash) return false;
  const rows: Array<[string, string, unknown, string | null]> = [
    ...kb.facts.map((f) => ['fact', f.id, f, f.verified] as [string, string, unknown, string | null]),
    ...kb.offences.map((o) => ['offence', o.id, o, null] as [string, string, unknown, string | null]),
    ...kb.exit_routes.map((r) => ['exit_route', r.destination, r, null] as [string, string, unknown, string | null]),
    ...kb.restrictions.map((r) => ['restriction', r.id, r, null] as [string, string, unknown, string | null]),
    ...kb.destinations.map((d) => ['destination', d.country, d, null] as [string, string, unknown, string | null]),
    ...kb.organisations.map((o) => ['organisation', o.id, o, null] as [string, string, unknown, string | null]),
    ...kb.checklists.map((c) => ['checklist', c.claim_type, c, null] as [string, string, unknown, string | null]),
    ...kb.allegations.map((a) => ['allegation', a.id, a, null] as [string, string, unknown, string | null]),
  ];
  await db.transaction(async (tx) => {
    await tx.query('delete from guidance_entries');
    await tx.query(
      `insert into guidance_entries (kind, id, data, verified)
       select kind, id, data, verified from jsonb_to_recordset($1::jsonb) as x(kind text, id text, data jsonb, verified date)`,
      [JSON.stringify(rows.map(([kind, id, data, verified]) => ({ kind, id, data, verified })))],
    );
    await tx.query(
      'insert into guidance_meta (id, content_hash) values (1, $1) on conflict (id) do update set content_hash = excluded.content_hash, loaded_at = now()',
      [hash],
    );
  });
  return true;
}
