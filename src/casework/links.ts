/**
 * Links from a client file to the tracker's public record of his Russian criminal case. A link is chosen by the
 * tracker's case id, by judicial UID, or by court and case number; it keeps the capture the card was read from
 * when it was linked (its sha256 proves what the card said then). The file view shows the card as it is now and
 * every change recorded since the link (case_history), so a lawyer sees when the court updated it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type CaseHead, type CaseHistoryEntry, caseHead, caseHistory, casePersons } from '../courts/cases/read.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { CaseLink } from './record.ts';
import { refused } from './refusal.ts';

export const CaseChoiceBase = z
  .object({
    caseId: z.coerce.number().int().positive().optional().describe("the tracker's case id"),
    judicialUid: z.string().trim().min(5).max(60).optional().describe('the judicial UID (УИД) of the case'),
    court: z.string().trim().min(2).max(20).optional().describe('the court code (vnkod), with caseNumber'),
    caseNumber: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

export const CaseChoiceSchema = CaseChoiceBase.refine(
  (c) => c.caseId !== undefined || c.judicialUid !== undefined || (c.court !== undefined && c.caseNumber !== undefined),
  {
    message: 'name the case by caseId, by judicialUid, or by court and caseNumber',
  },
);
export type CaseChoice = z.infer<typeof CaseChoiceSchema>;

/** The tracker's case the choice names; several matches (a UID shared by instances) are refused with the ids. */
export async function resolveCase(db: Queryable, choice: CaseChoice): Promise<number> {
  if (choice.caseId !== undefined) {
    const exists = await db.query<{ id: number }>('select id from cases where id = $1', [choice.caseId]);
    if (!exists[0]) throw refused(ErrorCode.InputNotFound, 'no_case', `no case #${choice.caseId}`, { where: 'caseId', values: { caseId: choice.caseId } });
    return choice.caseId;
  }
  const rows = choice.judicialUid
    ? await db.query<{ id: number }>('select id from cases where judicial_uid = $1 order by id', [choice.judicialUid])
    : await db.query<{ id: number }>('select id from cases where court_vnkod = $1 and case_number = $2 order by id', [choice.court, choice.caseNumber]);
  if (rows.length === 0)
    throw refused(ErrorCode.InputNotFound, 'no_case', 'no case in the tracker matches', { where: choice.judicialUid ? 'judicialUid' : 'court, caseNumber' });
  if (rows.length > 1) {
    throw refused(ErrorCode.InputInvalid, 'several_cases', `${rows.length} cases match (ids ${rows.map((r) => r.id).join(', ')}): choose one by caseId`, {
      where: choice.judicialUid ? 'judicialUid' : 'court, caseNumber',
      values: { count: rows.length, ids: rows.map((r) => r.id).join(', ') },
    });
  }
  return (rows[0] as { id: number }).id;
}

/** A new link to a case, with the capture its card was last read from. */
export async function makeLink(db: Queryable, caseId: number, now: Date): Promise<CaseLink> {
  const head = await caseHead(db, caseId);
  const history = await caseHistory(db, caseId);
  const last = history[history.length - 1];
  return {
    linkId: randomUUID(),
    caseId,
    courtVnkod: head.court_vnkod,
    caseNumber: head.case_number,
    judicialUid: head.judicial_uid,
    linkedAt: now.toISOString(),
    captureId: last?.capture_id ?? null,
    captureSha256: last?.sha256 ?? null,
  };
}

export interface LinkedCaseView {
  link: CaseLink;
  /** The card now (public fields, initials only); null when the case is gone from the tracker. */
  current: (CaseHead & { initials: string[] }) | null;
  /** Every recorded change of the card since it was linked. */
  changesSinceLink: CaseHistoryEntry[];
  /** The capture of the link is still in the archive under the same sha256. */
  captureArchived: boolean;
}

export async function linkedCaseView(db: Queryable, link: CaseLink): Promise<LinkedCaseView> {
  let current: LinkedCaseView['current'] = null;
  let changes: CaseHistoryEntry[] = [];
  try {
    const head = await caseHead(db, link.caseId);
    const persons = await casePersons(db, link.caseId);
    current = { ...head, initials: persons.map((p) => p.initials ?? '—') };
    const history = await caseHistory(db, link.caseId);
    changes = history.filter((h) => new Date(h.recorded_at).getTime() > new Date(link.linkedAt).getTime());
  } catch (error) {
    if (!(error instanceof OtkazError && error.code === ErrorCode.InputNotFound)) throw error;
  }
  const archived = link.captureId
    ? (await db.query<{ n: number }>('select count(*)::int as n from captures where id = $1 and sha256 = $2', [link.captureId, link.captureSha256]))[0]?.n === 1
    : false;
  return { link, current, changesSinceLink: changes, captureArchived: archived };
}
