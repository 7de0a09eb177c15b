import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.ts';
import { classifyOutcome } from '../parse/outcome.ts';
import { isNameField, KEEP_FIELDS } from '../parse/redact.ts';
import { NameContext, redactDeep } from './privacy.ts';
import { type CaseColumns, type CaseRecord, caseColumns, type FetchedAct, type StoredDefendant } from './record.ts';

/** A case's identity: the court code plus the court's own ids — never the displayed number. */
export function caseKey(record: CaseRecord, columns: CaseColumns): string | null {
  const { ids } = record;
  if (ids.caseUid) return `uid:${ids.caseUid}`;
  if (ids.caseId && ids.deloId) return `id:${ids.deloId}:${ids.caseId}`;
  if (columns.judicialUid) return `juid:${ids.deloId ?? columns.proceeding ?? ''}:${columns.judicialUid}`;
  return null;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** Field-level differences between two records, in a form a person can read in the case history. */
export function diffRecords(before: CaseRecord, after: CaseRecord): Change[] {
  const changes: Change[] = [];
  const a = caseColumns(before);
  const b = caseColumns(after);
  for (const key of Object.keys(b) as (keyof CaseColumns)[]) {
    if (a[key] !== b[key]) changes.push({ field: key, from: a[key], to: b[key] });
  }
  const parts: [string, (r: CaseRecord) => unknown][] = [
    ['events', (r) => r.card?.events ?? []],
    ['defendants', (r) => r.card?.defendants ?? []],
    ['parties', (r) => r.card?.parties ?? []],
    ['acts', (r) => [...(r.card?.acts ?? []).map((x) => x.title), ...(r.fetchedActs ?? []).map((x) => x.title)]],
    ['appeals', (r) => r.card?.appeals ?? []],
    ['lowerCourt', (r) => r.card?.lowerCourt ?? null],
    ['info', (r) => r.card?.info ?? []],
    ['list', (r) => r.list],
  ];
  for (const [field, pick] of parts) {
    const x = pick(before);
    const y = pick(after);
    if (stableJson(x) === stableJson(y)) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      const seen = new Set(x.map(stableJson));
      changes.push({ field, from: `${x.length} entries`, to: `${y.length} entries`, ...{ added: y.filter((v) => !seen.has(stableJson(v))) } });
    } else changes.push({ field, from: x, to: y });
  }
  return changes;
}

/** Merges what a new capture says into what is known: a card replaces the card, a list row the list row. */
export function mergeRecords(previous: CaseRecord, incoming: CaseRecord): CaseRecord {
  return {
    courtVnkod: previous.courtVnkod,
    ids: {
      caseId: incoming.ids.caseId ?? previous.ids.caseId,
      caseUid: incoming.ids.caseUid ?? previous.ids.caseUid,
      deloId: incoming.ids.deloId ?? previous.ids.deloId,
      newCode: incoming.ids.newCode ?? previous.ids.newCode,
    },
    card: incoming.card ?? previous.card,
    list: incoming.list ?? previous.list,
    ...mergeActs(previous.fetchedActs, incoming.fetchedActs),
  };
}

function mergeActs(a: FetchedAct[] | undefined, b: FetchedAct[] | undefined): { fetchedActs?: FetchedAct[] } {
  if (!a?.length && !b?.length) return {};
  const byUrl = new Map<string, FetchedAct>();
  for (const act of [...(a ?? []), ...(b ?? [])]) byUrl.set(act.url, act);
  return { fetchedActs: [...byUrl.values()].sort((x, y) => x.url.localeCompare(y.url)) };
}

export type UpsertResult = { status: 'created' | 'updated' | 'unchanged'; caseId: number } | { status: 'unidentified'; caseId: null };

interface ExistingCase {
  id: number;
  record: CaseRecord;
  record_hash: string;
}

/** The stored case this record is about: by key, case UID, case id, or judicial UID — in that order, one statement. */
async function findExisting(tx: Queryable, record: CaseRecord, columns: CaseColumns, key: string): Promise<ExistingCase | null> {
  const rows = await tx.query<ExistingCase>(
    `select id, record, record_hash from (
       select 0 as p, id, record, record_hash from cases where court_vnkod = $1 and case_key = $2
       union all select 1, id, record, record_hash from cases where court_vnkod = $1 and case_uid = $3
       union all select 2, id, record, record_hash from cases where court_vnkod = $1 and delo_id = $5 and case_id = $4
       union all select 3, id, record, record_hash from cases where court_vnkod = $1 and judicial_uid = $6 and coalesce(delo_id, '') = coalesce($5, delo_id, '')
     ) found order by p, id limit 1`,
    [record.courtVnkod, key, record.ids.caseUid, record.ids.caseId, record.ids.deloId, columns.judicialUid],
  );
  return rows[0] ?? null;
}

function defendantOutcome(d: StoredDefendant): { outcome: string | null; sentenceKind: string | null } {
  return { outcome: d.outcome?.outcome ?? null, sentenceKind: d.outcome?.sentence?.kind ?? null };
}

/**
 * The case's defendants, articles, events and acts as data-modifying CTEs that read the case id from the
 * CTE `target`, so that a case and all its details are written by one statement.
 */
function detailCtes(record: CaseRecord, columns: CaseColumns, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const defendants = [...(record.card?.defendants ?? [])];
  const listArticles = record.list?.articles ?? [];
  if (defendants.length === 0 && listArticles.length > 0) {
    // A list row without a card: its articles still count, as one defendant of unknown name.
    defendants.push({
      initials: null,
      nameHash: null,
      hidden: true,
      articles: listArticles,
      articlesText: null,
      decisionDate: columns.decisionDate,
      result: columns.resultText,
      outcome: classifyOutcome(columns.resultText),
    });
  }
  const defendantRows = defendants.map((d, position) => {
    const { outcome, sentenceKind } = defendantOutcome(d);
    return {
      position,
      name_hash: d.nameHash,
      initials: d.initials,
      hidden: d.hidden,
      decision_date: d.decisionDate,
      result_text: d.result,
      outcome,
      sentence_kind: sentenceKind,
      sentence: d.outcome?.sentence ?? null,
    };
  });
  const articles = defendants.flatMap((d, dp) =>
    d.articles.map((a, position) => ({ dp, position, code: a.code, article: a.article, part: a.part, point: a.point })),
  );
  const events = (record.card?.events ?? []).map((e, position) => ({
    position,
    name: e.name,
    date: e.date,
    time: e.time,
    place: e.place,
    result: e.result,
    basis: e.basis,
    note: e.note,
    published: e.publishedDate,
  }));
  const acts = [
    ...(record.card?.acts ?? []).map((a) => ({ title: a.title, type: a.actType, body: a.text })),
    ...(record.fetchedActs ?? []).map((a) => ({ title: a.title, type: a.title, body: a.text })),
  ].map((a, position) => ({ position, ...a }));
  return `
    defendants as (
      insert into case_defendants (case_id, position, name_hash, initials, hidden, decision_date, result_text, outcome, sentence_kind, sentence)
      select t.id, x.position, x.name_hash, x.initials, x.hidden, x.decision_date, x.result_text, x.outcome, x.sentence_kind, x.sentence
      from target t, json_to_recordset(${param(JSON.stringify(defendantRows))}::json) as x(position int, name_hash text, initials text, hidden boolean,
        decision_date date, result_text text, outcome text, sentence_kind text, sentence jsonb)),
    articles as (
      insert into case_articles (case_id, defendant_position, position, code, article, part, point)
      select t.id, x.dp, x.position, x.code, x.article, x.part, x.point
      from target t, json_to_recordset(${param(JSON.stringify(articles))}::json) as x(dp int, position int, code text, article text, part text, point text)
      on conflict do nothing),
    events as (
      insert into case_events (case_id, position, name, event_date, event_time, place, result, basis, note, published_date)
      select t.id, x.position, x.name, x.date, x.time, x.place, x.result, x.basis, x.note, x.published
      from target t, json_to_recordset(${param(JSON.stringify(events))}::json) as x(position int, name text, date date, time text, place text, result text,
        basis text, note text, published date)),
    acts as (
      insert into case_acts (case_id, position, title, act_type, body, search)
      select t.id, x.position, x.title, x.type, x.body, to_tsvector('russian', x.body)
      from target t, json_to_recordset(${param(JSON.stringify(acts))}::json) as x(position int, title text, type text, body text))`;
}

function searchText(record: CaseRecord, columns: CaseColumns): string {
  const parts = [
    columns.caseNumber,
    columns.proceeding,
    columns.category,
    columns.resultText,
    ...(record.card?.defendants ?? []).map((d) => d.articlesText ?? ''),
    ...(record.card?.events ?? []).map((e) => [e.name, e.result, e.basis].filter(Boolean).join(' ')),
    ...(record.list?.info ?? []).map((line) => line.value),
  ];
  return parts.filter(Boolean).join('\n');
}

/** The version of the redaction stage; bump it when the name model changes, and stored cases are redone at start. */
export const REDACTION_VERSION = 3;

/**
 * The write gate: every free text of a record passes the redaction stage before anything of it is written or
 * indexed (a record from ingest has been through it already; this also covers merges and every other path).
 */
export function redactRecord(record: CaseRecord): CaseRecord {
  return redactDeep(record, KEEP_FIELDS, new NameContext(), isNameField);
}

/**
 * Creates or updates a case from one capture. Re-ingesting the same capture, or one that says nothing
 * new, is a no-op; a change updates the case and appends one history entry naming the capture.
 */
export async function upsertCase(tx: Queryable, incoming: CaseRecord, captureId: number, synthetic: boolean): Promise<UpsertResult> {
  const incomingColumns = caseColumns(incoming);
  const key = caseKey(incoming, incomingColumns);
  if (!key) return { status: 'unidentified', caseId: null };
  const existing = await findExisting(tx, incoming, incomingColumns, key);
  const record = redactRecord(existing ? mergeRecords(existing.record, incoming) : incoming);
  const hash = createHash('sha256').update(stableJson(record)).digest('hex');
  if (existing && existing.record_hash === hash) return { status: 'unchanged', caseId: existing.id };
  const columns = caseColumns(record);
  const outcome = columns.outcome ?? classifyOutcome(columns.resultText)?.outcome ?? null;
  const values = [
    record.ids.caseUid,
    record.ids.caseId,
    record.ids.deloId,
    columns.proceeding,
    columns.caseNumber,
    columns.judicialUid,
    columns.receiptDate,
    columns.decisionDate,
    columns.legalForceDate,
    columns.judge,
    columns.category,
    columns.resultText,
    outcome,
    JSON.stringify(record),
    hash,
    captureId,
    searchText(record, columns),
  ];
  let rows: { id: number }[];
  if (existing) {
    await tx.query(
      `with a as (delete from case_articles where case_id = $1), e as (delete from case_events where case_id = $1),
            t as (delete from case_acts where case_id = $1)
       delete from case_defendants where case_id = $1`,
      [existing.id],
    );
    const params: unknown[] = [...values, existing.id, JSON.stringify(diffRecords(existing.record, record))];
    const details = detailCtes(record, columns, params);
    rows = await tx.query<{ id: number }>(
      `with target as (
         update cases set case_uid = $1, case_id = $2, delo_id = $3, proceeding = $4, case_number = $5, judicial_uid = $6,
           receipt_date = $7, decision_date = $8, legal_force_date = $9, judge = $10, category = $11, result_text = $12, outcome = $13,
           record = $14, record_hash = $15, last_capture_id = $16, search = to_tsvector('russian', $17), redaction = ${REDACTION_VERSION}, updated_at = now()
         where id = $18 returning id),
       history as (insert into case_history (case_id, capture_id, kind, changes) select id, $16, 'updated', $19 from target
                   on conflict (case_id, capture_id) do nothing),
       ${details}
       select id from target`,
      params,
    );
  } else {
    const params: unknown[] = [...values, record.courtVnkod, key, synthetic];
    const details = detailCtes(record, columns, params);
    rows = await tx.query<{ id: number }>(
      `with target as (
         insert into cases (case_uid, case_id, delo_id, proceeding, case_number, judicial_uid, receipt_date, decision_date, legal_force_date,
           judge, category, result_text, outcome, record, record_hash, first_capture_id, search, last_capture_id, court_vnkod, case_key, synthetic, redaction)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, to_tsvector('russian', $17), $16, $18, $19, $20, ${REDACTION_VERSION})
         returning id),
       history as (insert into case_history (case_id, capture_id, kind, changes) select id, $16, 'created', '[]' from target),
       ${details}
       select id from target`,
      params,
    );
  }
  const caseId = rows[0]?.id ?? 0;
  return { status: existing ? 'updated' : 'created', caseId };
}

/**
 * Passes every case written by an older redaction stage (or before there was one) through the current one:
 * the record, the columns, defendants, events, acts, the full-text vectors (rebuilt from the redacted text
 * only) and the history's recorded changes. Idempotent; run at every start. Returns the number of cases redone.
 */
export async function reRedactStored(db: Database, batch = 100): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.query<{ id: number; record: CaseRecord }>('select id, record from cases where redaction < $1 order by id limit $2', [
      REDACTION_VERSION,
      batch,
    ]);
    if (rows.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const record = redactRecord(row.record);
        const columns = caseColumns(record);
        const outcome = columns.outcome ?? classifyOutcome(columns.resultText)?.outcome ?? null;
        const hash = createHash('sha256').update(stableJson(record)).digest('hex');
        await tx.query(
          `with a as (delete from case_articles where case_id = $1), e as (delete from case_events where case_id = $1),
                t as (delete from case_acts where case_id = $1)
           delete from case_defendants where case_id = $1`,
          [row.id],
        );
        const params: unknown[] = [row.id, columns.resultText, outcome, JSON.stringify(record), hash, searchText(record, columns), columns.category];
        const details = detailCtes(record, columns, params);
        await tx.query(
          `with target as (
             update cases set result_text = $2, outcome = $3, record = $4, record_hash = $5, search = to_tsvector('russian', $6), category = $7,
               redaction = ${REDACTION_VERSION}
             where id = $1 returning id),
           ${details}
           select id from target`,
          params,
        );
        const history = await tx.query<{ id: number; changes: unknown }>('select id, changes from case_history where case_id = $1', [row.id]);
        for (const h of history) {
          // A change of the judge field keeps the judge's name as published, like the field itself.
          const redactChange = (c: unknown) =>
            c && typeof c === 'object' && (c as { field?: unknown }).field === 'judge' ? c : redactDeep(c, KEEP_FIELDS, new NameContext(), isNameField);
          const changes = Array.isArray(h.changes) ? h.changes.map(redactChange) : redactChange(h.changes);
          if (JSON.stringify(changes) !== JSON.stringify(h.changes))
            await tx.query('update case_history set changes = $2 where id = $1', [h.id, JSON.stringify(changes)]);
        }
      }
    });
    done += rows.length;
  }
}
