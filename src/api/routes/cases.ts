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
import { caseCaptures, caseCharges, caseEvents, caseHead, casePersons } from '../../courts/cases/read.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { publicUrl } from '../../privacy/urls.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { listCasesOperation } from '../../operations/cases/list.ts';
import { showCaseOperation } from '../../operations/cases/show.ts';
import type { RouteContext } from '../context.ts';
import { bindRoute } from '../bind.ts';
import { type CaptureMeta, redactedCapture, redactedCaptureHtml } from '../redacted.ts';
import type { ZodApp } from '../types.ts';
import { id as dbId } from '../../shared/validation.ts';

export function registerCaseRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listCasesOperation, { method: 'GET', url: '/api/v1/cases', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, showCaseOperation, { method: 'GET', url: '/api/v1/cases/:id', params: ['id'], cache: true });

  const idParams = z.object({ id: dbId });
  app.get('/api/v1/cases/:id/persons', { config: { access: 'read', cache: true }, schema: { summary: "A case's defendants by initials only (hidden where the court hid them), with outcome and sentence", params: idParams } }, async (request) => {
    await caseHead(ctx.db, request.params.id);
    return casePersons(ctx.db, request.params.id);
  });
  app.get('/api/v1/cases/:id/articles', { config: { access: 'read', cache: true }, schema: { summary: "A case's charges: article, part, point per defendant, with the penalty ranges of the guidance knowledge base", params: idParams } }, async (request) => {
    await caseHead(ctx.db, request.params.id);
    const articles = await caseCharges(ctx.db, request.params.id);
    return { articles, penalties: penaltiesFor(ctx.kb, articles) };
  });
  app.get('/api/v1/cases/:id/events', { config: { access: 'read', cache: true }, schema: { summary: "A case's movement: hearings and other events in the court's order", params: idParams } }, async (request) => {
    await caseHead(ctx.db, request.params.id);
    return caseEvents(ctx.db, request.params.id);
  });
  app.get('/api/v1/cases/:id/captures', { config: { access: 'read', cache: true }, schema: { summary: 'The archived captures a case was read from: URL, retrieval time, HTTP status, sha256 (redacted rendering at /api/v1/captures/:id/redacted; raw page, with a token, at /api/v1/captures/:id/raw)', params: idParams } }, async (request) => {
    await caseHead(ctx.db, request.params.id);
    return caseCaptures(ctx.db, request.params.id);
  });

  const evidence = { security: [{ bearer: [] }], description: 'Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true.' };
  app.get('/api/v1/cases/:id/warc', { config: { access: 'evidence' }, schema: { summary: "WARC 1.1 of the case's captures (request, response, metadata records)", ...evidence, params: idParams } }, async (request, reply) => {
    await caseHead(ctx.db, request.params.id);
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
