/**
 * Cases: filtered, sorted, paginated list (JSON or CSV); one case with its persons (initials only), articles,
 * events, history, linked instances, penalty ranges and the captures it came from; captures' metadata, their
 * redacted rendering (for everyone), and — at the `evidence` access level, since they hold full names — the raw
 * page as captured (sandboxed) and a WARC of one case's captures: what a lawyer attaches to an asylum file.
 * Each route is the adapter of an operation (src/operations/cases/, src/operations/captures/).
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { rawCaptureOperation } from '../../operations/captures/raw.ts';
import { redactedCaptureOperation } from '../../operations/captures/redacted.ts';
import { showCaptureOperation } from '../../operations/captures/show.ts';
import { captureStampsOperation } from '../../operations/captures/stamps.ts';
import { articlesOperation } from '../../operations/cases/articles.ts';
import { caseCapturesOperation } from '../../operations/cases/captures.ts';
import { caseEventsOperation } from '../../operations/cases/events.ts';
import { exportCasesOperation } from '../../operations/cases/export.ts';
import { listCasesOperation } from '../../operations/cases/list.ts';
import { casePersonsOperation } from '../../operations/cases/persons.ts';
import { showCaseOperation } from '../../operations/cases/show.ts';
import { caseWarcOperation } from '../../operations/cases/warc.ts';
import { caseEvidencePacketOperation } from '../../operations/evidence/packet.ts';
import { csvAttachment, csvChunks } from '../../shared/csv.ts';
import { BINARY, bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import { bomParam } from '../csv.ts';
import { redactedCaptureHtml } from '../redacted.ts';
import type { ZodApp } from '../types.ts';

const EVIDENCE = 'Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true.';

export function registerCaseRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listCasesOperation, { method: 'GET', url: '/api/v1/cases', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, exportCasesOperation, {
    method: 'GET',
    url: '/api/v1/cases/export',
    description: 'All the cases of the filter (no pages), streamed; the same columns as GET /api/v1/cases?format=csv; X-Total-Count: how many rows',
    presentation: z.object({ bom: bomParam }),
    produces: { 'text/csv': z.string().describe('RFC 4180, a header row; formula-safe cells') },
    send: (reply, result, presentation) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', csvAttachment(result.fileName))
        .header('x-total-count', String(result.total))
        .send(Readable.from(csvChunks(result.columns, result.chunks, { bom: presentation.bom === 'true' }))),
  });
  bindRoute(app, ctx, showCaseOperation, { method: 'GET', url: '/api/v1/cases/:id', params: ['id'], cache: true });
  bindRoute(app, ctx, casePersonsOperation, { method: 'GET', url: '/api/v1/cases/:id/persons', params: ['id'], cache: true });
  bindRoute(app, ctx, articlesOperation, { method: 'GET', url: '/api/v1/cases/:id/articles', params: ['id'], cache: true });
  bindRoute(app, ctx, caseEventsOperation, { method: 'GET', url: '/api/v1/cases/:id/events', params: ['id'], cache: true });
  bindRoute(app, ctx, caseCapturesOperation, { method: 'GET', url: '/api/v1/cases/:id/captures', params: ['id'], cache: true });
  bindRoute(app, ctx, caseWarcOperation, {
    method: 'GET',
    url: '/api/v1/cases/:id/warc',
    params: ['id'],
    description: EVIDENCE,
    produces: { 'application/warc': BINARY },
    send: (reply, result) =>
      reply.type('application/warc').header('content-disposition', `attachment; filename="case-${result.caseId}.warc"`).send(Buffer.from(result.warc)),
  });

  bindRoute(app, ctx, caseEvidencePacketOperation, {
    method: 'GET',
    url: '/api/v1/cases/:id/evidence-packet',
    params: ['id'],
    description: `${EVIDENCE} A zip: each capture as captured and as a PDF, the WARC and WACZ, time stamps, MANIFEST.sha256, a verification sheet (en, ru, de, fr). Every download is recorded in the chain of custody.`,
    // Rendering the captures in Chromium takes seconds, not the default budget of a read.
    budgetMs: 120_000,
    produces: { 'application/zip': BINARY },
    send: (reply, result) =>
      reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        .header('x-otkaz-manifest-sha256', result.manifestSha256)
        .send(Buffer.from(result.packet)),
  });

  bindRoute(app, ctx, showCaptureOperation, { method: 'GET', url: '/api/v1/captures/:id', params: ['id'] });
  bindRoute(app, ctx, captureStampsOperation, { method: 'GET', url: '/api/v1/captures/:id/stamps', params: ['id'] });
  bindRoute(app, ctx, redactedCaptureOperation, {
    method: 'GET',
    url: '/api/v1/captures/:id/redacted',
    params: ['id'],
    cache: true,
    presentation: z.object({ format: z.enum(['json', 'html']).default('json').describe('html: a page for people') }),
    produces: { 'application/json': redactedCaptureOperation.output, 'text/html': z.string().describe('format=html: the redacted page for people') },
    send: (reply, result, presentation) =>
      presentation.format === 'html' ? reply.type('text/html; charset=utf-8').send(redactedCaptureHtml(result)) : reply.send(result),
  });
  bindRoute(app, ctx, rawCaptureOperation, {
    method: 'GET',
    url: '/api/v1/captures/:id/raw',
    params: ['id'],
    description: EVIDENCE,
    // A court page is third-party HTML: shown as captured but sandboxed (no script, no same-origin access).
    produces: { 'text/html': BINARY.describe('the page as captured, in its own encoding'), 'application/octet-stream': BINARY },
    send: (reply, raw) =>
      reply
        .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .header('x-otkaz-sha256', raw.sha256)
        .type(raw.content_type ?? 'application/octet-stream')
        .send(Buffer.from(raw.body)),
  });
}
