/**
 * Cases: filtered, sorted, paginated list (JSON or CSV); one case with its persons (initials only), articles,
 * events, history, linked instances, penalty ranges and the captures it came from; captures' metadata, the raw
 * page as captured (sandboxed), and a WARC of one case's captures — what a lawyer attaches to an asylum file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { exportWarc } from '../../courts/archive/export.ts';
import { linkedInstances } from '../../courts/cases/links.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { renderCsv } from '../../cli/output.ts';
import type { AppContext } from '../app.ts';
import type { ZodApp } from '../types.ts';

const SORTS = { receipt_date: 'c.receipt_date', decision_date: 'c.decision_date', id: 'c.id', court: 'c.court_vnkod' } as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const CaseListQuery = z
  .object({
    court: z.string().regex(/^\w+$/).optional(),
    article: z.string().regex(/^\d+(\.\d+)?$/).optional(),
    part: z.string().regex(/^\d+(\.\d+)?$/).optional(),
    outcome: z.string().max(60).optional(),
    from: isoDate.optional().describe('first date of receipt'),
    to: isoDate.optional().describe('last date of receipt'),
    q: z.string().min(2).max(200).optional().describe('full text (Russian stemming) over case information and act texts'),
    synthetic: z.enum(['include', 'exclude', 'only']).default('include'),
    sort: z.string().regex(/^-?(receipt_date|decision_date|id|court)$/).default('-receipt_date'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

const CASE_COLUMNS = ['id', 'court_vnkod', 'case_number', 'receipt_date', 'decision_date', 'articles', 'defendants', 'outcome', 'synthetic'];

export async function listCases(ctx: AppContext, q: CaseListQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.court) add('c.court_vnkod = ?', q.court);
  if (q.article) add('exists (select 1 from case_articles a where a.case_id = c.id and a.article = ?)', q.article);
  if (q.part) add('exists (select 1 from case_articles a where a.case_id = c.id and a.part = ?)', q.part);
  if (q.outcome) add('c.outcome = ?', q.outcome);
  if (q.from) add('c.receipt_date >= ?::date', q.from);
  if (q.to) add('c.receipt_date <= ?::date', q.to);
  if (q.q) {
    params.push(q.q);
    const n = params.length;
    where.push(`(c.search @@ plainto_tsquery('russian', $${n}) or exists (select 1 from case_acts t where t.case_id = c.id and t.search @@ plainto_tsquery('russian', $${n})))`);
  }
  if (q.synthetic === 'exclude') where.push('not c.synthetic');
  if (q.synthetic === 'only') where.push('c.synthetic');
  const desc = q.sort.startsWith('-');
  const column = SORTS[q.sort.replace(/^-/, '') as keyof typeof SORTS];
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from cases c ${filter}`, params);
  const rows = await ctx.db.query<Record<string, unknown>>(
    `select c.id, c.court_vnkod, c.case_number, c.receipt_date, c.decision_date, c.outcome, c.synthetic,
            (select string_agg(distinct a.article || coalesce(' ч.' || a.part, ''), '; ') from case_articles a where a.case_id = c.id) as articles,
            (select string_agg(coalesce(d.initials, 'hidden'), ', ' order by d.position) from case_defendants d where d.case_id = c.id) as defendants
       from cases c ${filter}
      order by ${column} ${desc ? 'desc' : 'asc'} nulls last, c.id ${desc ? 'desc' : 'asc'}
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { total: count?.n ?? 0, page: q.page, pageSize: q.pageSize, rows };
}

async function caseById(ctx: AppContext, id: number) {
  const [row] = await ctx.db.query<Record<string, unknown>>(
    `select id, court_vnkod, case_key, case_number, judicial_uid, proceeding, receipt_date, decision_date, legal_force_date, judge, category, result_text, outcome, synthetic, first_seen_at, updated_at
       from cases where id = $1`,
    [id],
  );
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no case #${id}`, { where: `/api/v1/cases/${id}` });
  return row;
}

export function registerCaseRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/v1/cases', { config: { access: 'read', cache: true }, schema: { summary: 'Cases, filtered by court, article, part, period, outcome, full text; sorted; paginated; CSV with format=csv', querystring: CaseListQuery } }, async (request, reply) => {
    const result = await listCases(ctx, request.query);
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="cases.csv"').send(renderCsv(CASE_COLUMNS, result.rows));
    return result;
  });

  app.get('/api/v1/cases/:id', { config: { access: 'read', cache: true }, schema: { summary: 'One case: persons (initials), articles, events, history, linked instances, penalty ranges, captures', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request) => {
    const id = request.params.id;
    const head = await caseById(ctx, id);
    const [persons, articles, events, history, linked] = await Promise.all([
      ctx.db.query('select position, initials, hidden, decision_date, result_text, outcome, sentence_kind, sentence from case_defendants where case_id = $1 order by position', [id]),
      ctx.db.query<{ article: string; part: string | null }>('select defendant_position, position, code, article, part, point from case_articles where case_id = $1 order by defendant_position, position', [id]),
      ctx.db.query('select position, name, event_date, event_time, place, result, basis, note, published_date from case_events where case_id = $1 order by position', [id]),
      ctx.db.query(
        `select h.kind, h.recorded_at, h.changes, p.id as capture_id, p.url, p.retrieved_at, p.sha256, p.synthetic
           from case_history h join captures p on p.id = h.capture_id where h.case_id = $1 order by h.id`,
        [id],
      ),
      linkedInstances(ctx.db, id),
    ]);
    return { case: head, persons, articles, events, history, linkedInstances: linked, penalties: penaltiesFor(ctx.kb, articles) };
  });

  app.get('/api/v1/cases/:id/warc', { config: { access: 'read' }, schema: { summary: "WARC 1.1 of the case's captures (request, response, metadata records)", params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request, reply) => {
    await caseById(ctx, request.params.id);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-warc-'));
    try {
      const file = path.join(dir, 'case.warc');
      await exportWarc(ctx.db, file, { caseId: request.params.id });
      return reply.type('application/warc').header('content-disposition', `attachment; filename="case-${request.params.id}.warc"`).send(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/v1/captures/:id', { config: { access: 'read' }, schema: { summary: 'A capture: URL, retrieval time, HTTP status, sha256, kind', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request) => {
    const [row] = await ctx.db.query('select id, url, retrieved_at, ingested_at, http_status, sha256, content_type, source, synthetic, page_kind, layout, court_vnkod from captures where id = $1', [request.params.id]);
    if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no capture #${request.params.id}`);
    return row;
  });

  app.get('/api/v1/captures/:id/raw', { config: { access: 'read' }, schema: { summary: 'The page exactly as captured (bytes; sandboxed, never run)', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request, reply) => {
    const [row] = await ctx.db.query<{ body: Uint8Array; content_type: string | null; sha256: string }>('select b.body, p.content_type, p.sha256 from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1', [request.params.id]);
    if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no capture #${request.params.id}`);
    // A court page is third-party HTML: shown as captured but sandboxed (no script, no same-origin access).
    return reply
      .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .header('x-otkaz-sha256', row.sha256)
      .type(row.content_type ?? 'application/octet-stream')
      .send(Buffer.from(row.body));
  });
}
