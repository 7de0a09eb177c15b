/** Referrals between organisations: each side sees its own side of the row (its own client id, the other organisation). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

export async function recordReferral(
  tx: Queryable,
  r: { fromOrg: string; toOrg: string; fromClient: string; toClient: string; by: string | null },
): Promise<string> {
  const id = randomUUID();
  await tx.query('insert into referrals (id, from_org, to_org, from_client, to_client, referred_by) values ($1, $2, $3, $4, $5, $6)', [
    id,
    r.fromOrg,
    r.toOrg,
    r.fromClient,
    r.toClient,
    r.by,
  ]);
  return id;
}

export interface ReferralSide {
  id: string;
  direction: 'sent' | 'received';
  /** The other organisation's name. */
  organisation: string;
  /** This organisation's own file (never the other side's id). */
  clientId: string | null;
  referredAt: string;
}

export async function referralsOf(db: Queryable, orgId: string): Promise<ReferralSide[]> {
  const rows = await db.query<{ id: string; from_org: string; from_client: string | null; to_client: string | null; referred_at: string; other: string }>(
    `select r.id, r.from_org, r.from_client, r.to_client, r.referred_at, o.name as other
       from referrals r join organisations o on o.id = case when r.from_org = $1 then r.to_org else r.from_org end
      where r.from_org = $1 or r.to_org = $1 order by r.referred_at desc`,
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    direction: r.from_org === orgId ? 'sent' : 'received',
    organisation: r.other,
    clientId: r.from_org === orgId ? r.from_client : r.to_client,
    referredAt: r.referred_at,
  }));
}
