import type { Queryable } from '../../db/database.ts';

export interface LinkedInstance {
  id: number;
  court_vnkod: string;
  case_number: string | null;
  proceeding: string | null;
  receipt_date: string | null;
  outcome: string | null;
}

/**
 * Other instances of the same case: the judicial UID stays the same from the garrison court through the
 * okrug court's appeal to cassation, while each court numbers the case its own way.
 */
export async function linkedInstances(db: Queryable, caseId: number): Promise<LinkedInstance[]> {
  return db.query<LinkedInstance>(
    `select o.id, o.court_vnkod, o.case_number, o.proceeding, o.receipt_date, o.outcome
     from cases c join cases o on o.judicial_uid = c.judicial_uid and o.id <> c.id
     where c.id = $1 and c.judicial_uid is not null
     order by o.receipt_date nulls last, o.id`,
    [caseId],
  );
}
