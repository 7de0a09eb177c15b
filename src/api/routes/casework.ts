/**
 * Case files of legal-aid organisations (issue #13): the adapters of src/operations/clients/. Every route is at the
 * `member` level (a signed-in, verified member; answers are private, no-store); each operation loads the file in
 * the member's organisation and checks its rule with it. No identifying value travels in a URL: ids are random
 * UUIDs, searches are POSTs.
 */
import { DOCUMENT_LIMIT } from '../../casework/documents.ts';
import { addApplicationOperation, editStepOperation, listApplicationsOperation, updateApplicationOperation } from '../../operations/clients/applications.ts';
import { markChecklistItemOperation } from '../../operations/clients/checklist-mark.ts';
import { createClientOperation } from '../../operations/clients/create.ts';
import { deleteDocumentOperation } from '../../operations/clients/delete-document.ts';
import { downloadDocumentOperation } from '../../operations/clients/download.ts';
import { linkCaseOperation } from '../../operations/clients/link-case.ts';
import { listClientsOperation } from '../../operations/clients/list.ts';
import { listMembersOperation } from '../../operations/clients/members.ts';
import { addNoteOperation } from '../../operations/clients/note.ts';
import { clientChecklistOperation, clientExclusionOperation } from '../../operations/clients/prepare.ts';
import { referClientOperation } from '../../operations/clients/refer.ts';
import { listReferralsOperation } from '../../operations/clients/referrals.ts';
import { searchClientsOperation } from '../../operations/clients/search.ts';
import { shareClientOperation, unshareClientOperation } from '../../operations/clients/share.ts';
import { showClientOperation } from '../../operations/clients/show.ts';
import { clientStatsOperation } from '../../operations/clients/stats.ts';
import { unlinkCaseOperation } from '../../operations/clients/unlink-case.ts';
import { updateClientOperation } from '../../operations/clients/update.ts';
import { uploadDocumentOperation } from '../../operations/clients/upload.ts';
import { listProceduresOperation } from '../../operations/procedures/list.ts';
import { BINARY, bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerCaseworkRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listClientsOperation, { method: 'GET', url: '/api/v1/clients' });
  bindRoute(app, ctx, createClientOperation, { method: 'POST', url: '/api/v1/clients' });
  bindRoute(app, ctx, clientStatsOperation, { method: 'GET', url: '/api/v1/clients/stats' });
  bindRoute(app, ctx, searchClientsOperation, { method: 'POST', url: '/api/v1/clients/search' });
  bindRoute(app, ctx, listReferralsOperation, { method: 'GET', url: '/api/v1/referrals' });
  bindRoute(app, ctx, listMembersOperation, { method: 'GET', url: '/api/v1/org/members' });
  bindRoute(app, ctx, showClientOperation, { method: 'GET', url: '/api/v1/clients/:id', params: ['id'] });
  bindRoute(app, ctx, updateClientOperation, { method: 'POST', url: '/api/v1/clients/:id', params: ['id'] });
  bindRoute(app, ctx, addNoteOperation, { method: 'POST', url: '/api/v1/clients/:id/notes', params: ['id'] });
  bindRoute(app, ctx, listApplicationsOperation, { method: 'GET', url: '/api/v1/clients/:id/applications', params: ['id'] });
  bindRoute(app, ctx, addApplicationOperation, { method: 'POST', url: '/api/v1/clients/:id/applications', params: ['id'] });
  bindRoute(app, ctx, updateApplicationOperation, {
    method: 'POST',
    url: '/api/v1/clients/:id/applications/:applicationId',
    params: ['id', 'applicationId'],
  });
  bindRoute(app, ctx, editStepOperation, {
    method: 'POST',
    url: '/api/v1/clients/:id/applications/:applicationId/steps/:stepId',
    params: ['id', 'applicationId', 'stepId'],
  });
  bindRoute(app, ctx, listProceduresOperation, { method: 'GET', url: '/api/v1/procedures' });
  bindRoute(app, ctx, linkCaseOperation, { method: 'POST', url: '/api/v1/clients/:id/cases', params: ['id'] });
  bindRoute(app, ctx, unlinkCaseOperation, { method: 'POST', url: '/api/v1/clients/:id/cases/:linkId/remove', params: ['id', 'linkId'] });
  bindRoute(app, ctx, uploadDocumentOperation, {
    method: 'POST',
    url: '/api/v1/clients/:id/documents',
    params: ['id'],
    bodyLimit: Math.ceil((DOCUMENT_LIMIT * 4) / 3) + 64 * 1024,
    description: 'The document as base64 in JSON (at most 10 MiB of bytes).',
  });
  bindRoute(app, ctx, downloadDocumentOperation, {
    method: 'GET',
    url: '/api/v1/clients/:id/documents/:documentId',
    params: ['id', 'documentId'],
    produces: { 'application/octet-stream': BINARY.describe('the document as stored (after metadata stripping), with its own media type') },
    send: (reply, result) =>
      reply
        .type(result.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.name)}`)
        .header('x-content-sha256', result.sha256)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(result.bytes)),
  });
  bindRoute(app, ctx, deleteDocumentOperation, {
    method: 'POST',
    url: '/api/v1/clients/:id/documents/:documentId/delete',
    params: ['id', 'documentId'],
    description: 'The document’s row goes: its encrypted bytes, metadata and key. The audit entry names its id only.',
  });
  bindRoute(app, ctx, shareClientOperation, { method: 'POST', url: '/api/v1/clients/:id/shares', params: ['id'] });
  bindRoute(app, ctx, unshareClientOperation, { method: 'POST', url: '/api/v1/clients/:id/shares/:userId/remove', params: ['id', 'userId'] });
  bindRoute(app, ctx, referClientOperation, { method: 'POST', url: '/api/v1/clients/:id/referrals', params: ['id'] });
  bindRoute(app, ctx, clientChecklistOperation, { method: 'GET', url: '/api/v1/clients/:id/checklist', params: ['id'] });
  bindRoute(app, ctx, markChecklistItemOperation, { method: 'POST', url: '/api/v1/clients/:id/checklist/marks', params: ['id'] });
  bindRoute(app, ctx, clientExclusionOperation, { method: 'GET', url: '/api/v1/clients/:id/exclusion', params: ['id'] });
}
