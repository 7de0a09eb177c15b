/**
 * Cases: filtered, sorted, paginated list (JSON or CSV); one case with its persons (initials only), articles,
 * events, history, linked instances, penalty ranges and the captures it came from; captures' metadata, their
 * redacted rendering (for everyone), and — at the `evidence` access level, since they hold full names — the raw
 * page as captured (sandboxed) and a WARC of one case's captures: what a lawyer attaches to an asylum file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { linkedInstances } from '../../courts/cases/links.ts';
import { CASE_LIST_COLUMNS, CASE_SORT_VALUES, listCases } from '../../courts/cases/list.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { publicUrl } from '../../privacy/urls.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bearer, decide } from '../access.ts';
import type { AppContext } from '../app.ts';
import { bomParam, sendCsv } from '../csv.ts';
import { type CaptureMeta, redactedCapture, redactedCaptureHtml } from '../redacted.ts';
import type { ZodApp } from '../types.ts';
import { id as dbId, isoDate, text } from '../../shared/validation.ts';

export const CaseListQuery = z
  .object({
    court: text(40).regex(/^\w+$/).optional(),
    article: text(20).regex(/^\d+(\.\d+)?$/).optional(),
    part: text(20).regex(/^\d+(\.\d+)?$/).optional(),
    outcome: text(60).optional(),
    from: isoDate.optional().describe('first date of receipt'),
    to: isoDate.optional().describe('last date of receipt'),
    q: text(200, 2).optional().describe('full text (Russian stemming) over case information and act texts'),
    synthetic: z.enum(['include', 'exclude', 'only']).default('include'),
    sort: z.enum(CASE_SORT_VALUES).default('-receipt_date'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    format: z.enum(['json', 'csv']).default('json'),
    bom: bomParam,
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

async function caseById(ctx: AppContext, id: number) {
  const [row] = await ctx.db.query<Record<string, unknown>>(
    `select c.id, c.court_vnkod, ct.name as court_name, c.case_key, c.case_number, c.judicial_uid, c.proceeding, c.receipt_date, c.decision_date, c.legal_force_date, c.judge, c.category, c.result_text, c.outcome, c.synthetic, c.first_seen_at, c.updated_at
       from cases c left join courts ct on ct.vnkod = c.court_vnkod where c.id = $1`,
    [id],
  );
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no case #${id}`, { where: `/api/v1/cases/${id}` });
  return row;
}

function casePersons(ctx: AppContext, id: number) {
  return ctx.db.query('select position, initials, hidden, decision_date, result_text, outcome, sentence_kind, sentence from case_defendants where case_id = $1 order by position', [id]);
}

function caseArticles(ctx: AppContext, id: number) {
  return ctx.db.query<{ article: string; part: string | null }>('select defendant_position, position, code, article, part, point from case_articles where case_id = $1 order by defendant_position, position', [id]);
}

function caseEvents(ctx: AppContext, id: number) {
  return ctx.db.query('select position, name, event_date, event_time, place, result, basis, note, published_date from case_events where case_id = $1 order by position', [id]);
}

/** Capture rows as reads show them: the URL without what may name a person (src/privacy/urls.ts). */
function withPublicUrls<T extends { url: string | null }>(rows: T[]): T[] {
  return rows.map((row) => ({ ...row, url: publicUrl(row.url) }));
}

async function caseHistory(ctx: AppContext, id: number) {
  return withPublicUrls(
    await ctx.db.query<{ url: string | null }>(
      `select h.kind, h.recorded_at, h.changes, p.id as capture_id, p.url, p.retrieved_at, p.sha256, p.synthetic
         from case_history h join captures p on p.id = h.capture_id where h.case_id = $1 order by h.id`,
      [id],
    ),
  );
}

export function registerCaseRoutes(app: ZodApp, ctx: AppContext): void {
  app.get('/api/v1/cases', { config: { access: 'read', cache: true }, schema: { summary: 'Cases, filtered by court, article, part, period, outcome, full text; sorted; paginated; CSV with format=csv', querystring: CaseListQuery } }, async (request, reply) => {
    const { format, bom, ...filter } = request.query;
    const result = await listCases(ctx.db, filter);
    if (format === 'csv') return sendCsv(reply, 'cases.csv', CASE_LIST_COLUMNS, result.rows, bom);
    return result;
  });

  const idParams = z.object({ id: dbId });
  app.get('/api/v1/cases/:id', { config: { access: 'read', cache: true }, schema: { summary: 'One case: persons (initials), articles, events, history, linked instances, penalty ranges, captures; access.evidence: whether this caller may fetch the raw captures and the WARC', params: idParams } }, async (request) => {
    const id = request.params.id;
    const head = await caseById(ctx, id);
    const [persons, articles, events, history, linked] = await Promise.all([casePersons(ctx, id), caseArticles(ctx, id), caseEvents(ctx, id), caseHistory(ctx, id), linkedInstances(ctx.db, id)]);
    // Depends on the caller's role only (the response cache keeps one answer per role).
    const evidence = decide('evidence', bearer(request.headers.authorization), ctx.config).allow;
    return { case: head, persons, articles, events, history, linkedInstances: linked, penalties: penaltiesFor(ctx.kb, articles), access: { evidence } };
  });
  app.get('/api/v1/cases/:id/persons', { config: { access: 'read', cache: true }, schema: { summary: "A case's defendants by initials only (hidden where the court hid them), with outcome and sentence", params: idParams } }, async (request) => {
    await caseById(ctx, request.params.id);
    return casePersons(ctx, request.params.id);
  });
  app.get('/api/v1/cases/:id/articles', { config: { access: 'read', cache: true }, schema: { summary: "A case's charges: article, part, point per defendant, with the penalty ranges of the guidance knowledge base", params: idParams } }, async (request) => {
    await caseById(ctx, request.params.id);
    const articles = await caseArticles(ctx, request.params.id);
    return { articles, penalties: penaltiesFor(ctx.kb, articles) };
  });
  app.get('/api/v1/cases/:id/events', { config: { access: 'read', cache: true }, schema: { summary: "A case's movement: hearings and other events in the court's order", params: idParams } }, async (request) => {
    await caseById(ctx, request.params.id);
    return caseEvents(ctx, request.params.id);
  });
  app.get('/api/v1/cases/:id/captures', { config: { access: 'read', cache: true }, schema: { summary: 'The archived captures a case was read from: URL, retrieval time, HTTP status, sha256 (redacted rendering at /api/v1/captures/:id/redacted; raw page, with a token, at /api/v1/captures/:id/raw)', params: idParams } }, async (request) => {
    await caseById(ctx, request.params.id);
    return withPublicUrls(
      await ctx.db.query<{ url: string | null }>(
        `select p.id, p.url, p.retrieved_at, p.ingested_at, p.http_status, p.sha256, p.content_type, p.source, p.synthetic, p.page_kind, p.layout
           from captures p where p.id in (select capture_id from case_history where case_id = $1) order by p.id`,
        [request.params.id],
      ),
    );
  });

  const evidence = { security: [{ bearer: [] }], description: 'Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true.' };
  app.get('/api/v1/cases/:id/warc', { config: { access: 'evidence' }, schema: { summary: "WARC 1.1 of the case's captures (request, response, metadata records)", ...evidence, params: idParams } }, async (request, reply) => {
    await caseById(ctx, request.params.id);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-warc-'));
    try {
      const file = path.join(dir, 'case.warc');
      const { exportWarc } = await import('../../courts/archive/export.ts');
      await exportWarc(ctx.db, file, { caseId: request.params.id });
      return reply.type('application/warc').header('content-disposition', `attachment; filename="case-${request.params.id}.warc"`).send(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/v1/captures/:id', { config: { access: 'read' }, schema: { summary: 'A capture: URL, retrieval time, HTTP status, sha256, kind', params: z.object({ id: dbId }) } }, async (request) => {
    const [row] = await ctx.db.query<{ url: string | null }>('select id, url, retrieved_at, ingested_at, http_status, sha256, content_type, source, synthetic, page_kind, layout, court_vnkod from captures where id = $1', [request.params.id]);
    if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no capture #${request.params.id}`);
    return { ...row, url: publicUrl(row.url) };
  });

  app.get(
    '/api/v1/captures/:id/redacted',
    {
      config: { access: 'read', cache: true },
      schema: {
        summary: "A capture's redacted rendering (not the evidence): the parsed page with persons' names reduced to initials, the sha256 of the original bytes, URL and retrieval time; JSON, or an HTML page with format=html",
        params: z.object({ id: dbId }),
        querystring: z.object({ format: z.enum(['json', 'html']).default('json') }).strict(),
      },
    },
    async (request, reply) => {
      const [row] = await ctx.db.query<CaptureMeta & { body: Uint8Array }>(
        'select p.id, p.url, p.retrieved_at, p.http_status, p.sha256, p.content_type, p.synthetic, b.body from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1',
        [request.params.id],
      );
      if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no capture #${request.params.id}`);
      const { body, ...meta } = row;
      const rendered = redactedCapture(meta, body);
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(redactedCaptureHtml(rendered));
      return rendered;
    },
  );

  app.get('/api/v1/captures/:id/raw', { config: { access: 'evidence' }, schema: { summary: 'The page exactly as captured (bytes; sandboxed, never run)', ...evidence, params: z.object({ id: dbId }) } }, async (request, reply) => {
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
