import type { Queryable } from '../../db/database.ts';
import { nameHash } from './privacy.ts';

export interface PersonMatch {
  case_id: number;
  court_vnkod: string;
  case_number: string | null;
  receipt_date: string | null;
  initials: string | null;
  outcome: string | null;
  synthetic: boolean;
}

/**
 * Cases of a person, by exact full name: the name is hashed with the installation's key and compared with
 * the stored hashes. Works only for someone who knows the full name; nothing stored reveals it.
 */
export async function findPerson(db: Queryable, personKey: string, fullName: string): Promise<PersonMatch[]> {
  const hash = nameHash(personKey, fullName);
  if (!hash) return [];
  return db.query<PersonMatch>(
    `select c.id as case_id, c.court_vnkod, c.case_number, c.receipt_date, d.initials, coalesce(d.outcome, c.outcome) as outcome, c.synthetic
     from case_defendants d join cases c on c.id = d.case_id
     where d.name_hash = $1 order by c.receipt_date, c.id`,
    [hash],
  );
}
