// A worker's judgement on the items of a client's document checklist, over HTTP on both engines: a lawyer marks a
// document item met by an uploaded document (the view counts it and names the document with its sha256), another
// not applicable with a reason, reopens one; the marks are sealed (no claim type, item, reason or note in the
// table's bytes); bad input is a 400 naming the field; a stale revision — two workers at once — is a 409; a
// document deleted or a link removed afterwards (POST …/documents/:id/delete, …/cases/:linkId/remove) makes the
// item "to check" again, naming what is gone; a volunteer and another organisation are refused; every read and
// write is audited. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Organisation } from '../../src/accounts/orgs.ts';
import { listMarks } from '../../src/casework/checklist-marks.ts';
import { enterTenant } from '../../src/casework/tenant.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { type AccountsApi, accountsApi, type Browser, makeOrg, makeUser, signInFully } from '../helpers/accounts.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

const CLAIM = 'deserter_criminal_case';
const REASON = 'SYNTHETIC: no case papers were ever served on him';
const NOTE = 'SYNTHETIC: the unit number matches his account';

interface Item {
  id: string;
  status: string;
  metBy: string | null;
  revision: number;
  mark: null | {
    judgement: string;
    revision: number;
    markedByEmail: string | null;
    reason?: string;
    note?: string;
    documents: Array<{ id: string; name: string; sha256: string }>;
    courtRecords: Array<{ linkId: string; captureSha256: string | null }>;
    missing: Array<{ kind: string; id: string; why: string }>;
    needsCheck: boolean;
  };
}
interface View {
  items: Item[];
  counts: Record<string, number>;
  access: { mark: boolean };
}

for (const engine of ENGINES) {
  describe(`checklist marks (${engine.name})`, () => {
    let api: AccountsApi;
    let orgA: Organisation;
    let orgB: Organisation;
    let lawyer: Browser;
    let caseworker: Browser;
    let volunteer: Browser;
    let statistics: Browser;
    let otherAdmin: Browser;
    let clientId = '';
    let documentId = '';
    let otherClientDocument = '';
    let linkId = '';
    let captureSha256 = '';
    const scan = Buffer.from('SYNTHETIC military ID scan');

    const view = async (who: Browser = lawyer): Promise<View> => {
      const res = await who.get(`/api/v1/clients/${clientId}/checklist?claimType=${CLAIM}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const item = (v: View, id: string): Item => {
      const found = v.items.find((i) => i.id === id);
      assert.ok(found, id);
      return found;
    };
    const mark = (body: Record<string, unknown>, who: Browser = lawyer) =>
      who.post(`/api/v1/clients/${clientId}/checklist/marks`, { claimType: CLAIM, ...body });

    before(async () => {
      api = await accountsApi(engine);
      await ingestTestCard(api.db, loadDirectory());
      orgA = await makeOrg(api, 'Marks Aid A');
      orgB = await makeOrg(api, 'Marks Aid B');
      const accounts = [
        ['lawyer@marks-a.test', 'lawyer', orgA],
        ['caseworker@marks-a.test', 'caseworker', orgA],
        ['volunteer@marks-a.test', 'volunteer', orgA],
        ['statistics@marks-a.test', 'statistics', orgA],
        ['admin@marks-b.test', 'org_admin', orgB],
      ] as const;
      const browsers: Browser[] = [];
      const ids: string[] = [];
      for (const [i, [email, role, org]] of accounts.entries()) {
        const made = await makeUser(api, org, email, role);
        ids.push(made.id);
        browsers.push((await signInFully(api, email, made.password, `198.51.100.${70 + i}`)).browser);
      }
      [lawyer, caseworker, volunteer, statistics, otherAdmin] = browsers as [Browser, Browser, Browser, Browser, Browser];
      const created = await lawyer.post('/api/v1/clients', {
        person: { names: [{ script: 'latin', family: 'SYNTHETIC Markov' }] },
        consent: { shareWithinOrganisation: true, referralTo: [] },
      });
      assert.equal(created.statusCode, 200, created.body);
      clientId = created.json().id;
      assert.equal((await lawyer.post(`/api/v1/clients/${clientId}/shares`, { userId: ids[2] })).statusCode, 200);
      const doc = await lawyer.post(`/api/v1/clients/${clientId}/documents`, { name: 'military-id.txt', contentBase64: scan.toString('base64') });
      assert.equal(doc.statusCode, 200, doc.body);
      documentId = doc.json().id;
      const caseId = (await api.db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id;
      const linked = await lawyer.post(`/api/v1/clients/${clientId}/cases`, { caseId });
      assert.equal(linked.statusCode, 200, linked.body);
      linkId = linked.json().linkId;
      captureSha256 = linked.json().captureSha256;
      const other = await lawyer.post('/api/v1/clients', { person: { names: [{ script: 'latin', family: 'SYNTHETIC Other' }] } });
      otherClientDocument = (await lawyer.post(`/api/v1/clients/${other.json().id}/documents`, { name: 'x.txt', contentBase64: 'eA==' })).json().id;
    });
    after(() => api.close());

    it('before any mark: the court record meets its item, the documents are to check, counts per status', async () => {
      const v = await view();
      assert.equal(v.access.mark, true);
      assert.deepEqual(
        v.items.map((i) => [i.id, i.status, i.metBy, i.revision]),
        [
          ['court-record', 'met', 'court_record', 0],
          ['military-id', 'to_check', null, 0],
          ['case-papers', 'to_check', null, 0],
          ['account', 'open', null, 0],
        ],
      );
      assert.deepEqual(v.counts, { met: 1, not_applicable: 0, to_check: 2, open: 1 });
    });

    it('bad marks are 400s naming the field, and write nothing', async () => {
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ itemId: 'passport', judgement: 'met', documentIds: [documentId], revision: 0 }, 'itemId'],
        [{ itemId: 'military-id', judgement: 'met', revision: 0 }, 'documentIds'],
        [{ itemId: 'military-id', judgement: 'met', documentIds: [otherClientDocument], revision: 0 }, 'documentIds.0'],
        [{ itemId: 'military-id', judgement: 'met', linkIds: ['00000000-0000-4000-8000-00000000abcd'], revision: 0 }, 'linkIds.0'],
        [{ itemId: 'military-id', judgement: 'met', documentIds: [documentId], reason: 'x', revision: 0 }, 'reason'],
        [{ itemId: 'case-papers', judgement: 'not_applicable', revision: 0 }, 'reason'],
        [{ itemId: 'case-papers', judgement: 'not_applicable', reason: '   ', revision: 0 }, 'reason'],
        [{ itemId: 'case-papers', judgement: 'not_applicable', reason: 'x', documentIds: [documentId], revision: 0 }, 'documentIds'],
        [{ itemId: 'case-papers', judgement: 'reopened', revision: 0 }, 'judgement'],
      ];
      for (const [body, where] of bad) {
        const res = await mark(body);
        assert.equal(res.statusCode, 400, `${where}: ${res.body}`);
        assert.equal(res.json().code, 'input.invalid', res.body);
        assert.ok(String(res.json().detail).endsWith(`(${where})`), `names ${where}: ${res.body}`);
      }
      for (const [body, field] of [
        [{ itemId: 'military-id', judgement: 'accepted', revision: 0 }, 'judgement'],
        [{ itemId: 'military-id', judgement: 'met', documentIds: ['not-a-uuid'], revision: 0 }, 'documentIds'],
        [{ itemId: 'military-id', judgement: 'reopened', revision: -1 }, 'revision'],
        [{ itemId: 'military-id', judgement: 'reopened' }, 'revision'],
      ] as const) {
        const res = await mark(body);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.body, new RegExp(field));
      }
      assert.equal((await api.db.query('select 1 from client_checklist_marks')).length, 0);
    });

    it('met by the uploaded document: counted, named with its sha256 and who marked it; sealed in the table', async () => {
      const res = await mark({ itemId: 'military-id', judgement: 'met', documentIds: [documentId, documentId], note: NOTE, revision: 0 });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().revision, 1);
      const v = await view();
      const met = item(v, 'military-id');
      assert.equal(met.status, 'met');
      assert.equal(met.metBy, 'judgement');
      assert.equal(met.revision, 1);
      assert.deepEqual(met.mark?.documents, [{ id: documentId, name: 'military-id.txt', sha256: createHash('sha256').update(scan).digest('hex') }]);
      assert.equal(met.mark?.markedByEmail, 'lawyer@marks-a.test');
      assert.equal(met.mark?.note, NOTE);
      assert.equal(met.mark?.needsCheck, false);
      assert.deepEqual(v.counts, { met: 2, not_applicable: 0, to_check: 1, open: 1 });

      const na = await mark({ itemId: 'case-papers', judgement: 'not_applicable', reason: REASON, revision: 0 });
      assert.equal(na.statusCode, 200, na.body);
      const after = await view();
      assert.equal(item(after, 'case-papers').status, 'not_applicable');
      assert.equal(item(after, 'case-papers').mark?.reason, REASON);
      assert.deepEqual(after.counts, { met: 2, not_applicable: 1, to_check: 0, open: 1 });

      const rows = await api.db.query<{ body: Uint8Array; marked_by: string | null }>('select body, marked_by from client_checklist_marks');
      assert.equal(rows.length, 2);
      for (const row of rows)
        for (const needle of [CLAIM, 'military-id', 'case-papers', REASON, NOTE, documentId])
          assert.ok(!Buffer.from(row.body).includes(Buffer.from(needle)), `${needle} is not stored in plaintext`);
    });

    it('two workers at once: the second, on the revision he read, is told someone else changed it', async () => {
      const read = item(await view(caseworker), 'account');
      assert.equal(read.revision, 0);
      const first = await mark({ itemId: 'account', judgement: 'not_applicable', reason: 'SYNTHETIC: given orally', revision: read.revision }, lawyer);
      assert.equal(first.statusCode, 200, first.body);
      const second = await mark({ itemId: 'account', judgement: 'not_applicable', reason: 'SYNTHETIC: other', revision: read.revision }, caseworker);
      assert.equal(second.statusCode, 409, second.body);
      assert.equal(second.json().code, 'casework.conflict');
      assert.match(second.json().detail, /changed by someone else .*reload/);
      const now = item(await view(caseworker), 'account');
      assert.equal(now.mark?.reason, 'SYNTHETIC: given orally');
      // on the revision now read, the caseworker reopens it: back to what the file shows (nothing yet)
      const reopened = await mark({ itemId: 'account', judgement: 'reopened', revision: now.revision }, caseworker);
      assert.equal(reopened.statusCode, 200, reopened.body);
      const open = item(await view(), 'account');
      assert.deepEqual([open.status, open.mark?.judgement, open.mark?.markedByEmail, open.revision], ['open', 'reopened', 'caseworker@marks-a.test', 2]);
      const again = await mark({ itemId: 'account', judgement: 'reopened', revision: 2 }, caseworker);
      assert.equal(again.statusCode, 400, 'an open item has no mark to reopen');
    });

    it('the court record item marked by its link; a document deleted or the link removed makes both items to check again', async () => {
      const byLink = await mark({ itemId: 'court-record', judgement: 'met', linkIds: [linkId], revision: 0 });
      assert.equal(byLink.statusCode, 200, byLink.body);
      const linked = item(await view(), 'court-record');
      assert.deepEqual([linked.status, linked.metBy, linked.mark?.courtRecords[0]?.captureSha256], ['met', 'judgement', captureSha256]);

      // The file loses the document and the link: each told how many marks named it.
      const deleted = await caseworker.post(`/api/v1/clients/${clientId}/documents/${documentId}/delete`);
      assert.equal(deleted.statusCode, 200, deleted.body);
      assert.deepEqual(deleted.json(), { documentId, applications: 0, marksToCheck: 1 });
      const unlinked = await lawyer.post(`/api/v1/clients/${clientId}/cases/${linkId}/remove`);
      assert.equal(unlinked.statusCode, 200, unlinked.body);
      assert.equal(unlinked.json().marksToCheck, 1);
      const v = await view();
      const papers = item(v, 'military-id');
      assert.deepEqual([papers.status, papers.metBy, papers.mark?.judgement, papers.mark?.needsCheck], ['to_check', null, 'met', true]);
      assert.deepEqual(papers.mark?.missing, [{ kind: 'document', id: documentId, why: 'deleted' }]);
      assert.deepEqual(papers.mark?.documents, []);
      const record = item(v, 'court-record');
      assert.deepEqual([record.status, record.mark?.needsCheck], ['to_check', true]);
      assert.deepEqual(record.mark?.missing, [{ kind: 'court_record', id: linkId, why: 'unlinked' }]);
      assert.deepEqual(v.counts, { met: 0, not_applicable: 1, to_check: 2, open: 1 });
      // the stored marks are unchanged: the view decides, nothing was silently rewritten
      const marks = await listMarks(api.db, api.services.keyring, orgA.id, clientId);
      assert.deepEqual(marks.find((m) => m.itemId === 'military-id')?.documentIds, [documentId]);
    });

    it('a shared volunteer, a statistics member and another organisation are refused; reads and writes are audited', async () => {
      const body = { itemId: 'account', judgement: 'not_applicable', reason: 'x', revision: 2 };
      assert.equal((await mark(body, volunteer)).statusCode, 403);
      assert.equal((await mark(body, statistics)).statusCode, 403);
      assert.equal((await mark(body, otherAdmin)).statusCode, 404);
      assert.equal((await volunteer.get(`/api/v1/clients/${clientId}/checklist?claimType=${CLAIM}`)).statusCode, 403);
      assert.equal(item(await view(), 'account').revision, 2, 'nothing was written');
      const audited = await api.db.query<{ action: string; outcome: string; resource_type: string }>(
        "select action, outcome, resource_type from audit_log where chain = $1 and action like 'clients.checklist%'",
        [`org:${orgA.id}`],
      );
      const seen = new Set(audited.map((a) => `${a.action} ${a.outcome} ${a.resource_type}`));
      for (const expected of [
        'clients.checklist ok client',
        'clients.checklist refused client',
        'clients.checklist_mark ok checklist_mark',
        'clients.checklist_mark refused client',
      ])
        assert.ok(seen.has(expected), expected);
      // row-level security: behind B's wall no mark of A's is visible, even to a query without a WHERE clause
      const behindB = await api.db.transaction(async (tx) => {
        await enterTenant(api.db, tx, orgB.id);
        return (await tx.query<{ n: number }>('select count(*)::int as n from client_checklist_marks'))[0]?.n;
      });
      assert.equal(behindB, 0);
      assert.equal((await api.db.query<{ n: number }>('select count(*)::int as n from client_checklist_marks'))[0]?.n, 4);
      const writes = audited.filter((a) => a.action === 'clients.checklist_mark' && a.outcome === 'ok').length;
      assert.equal(writes, 5, 'one entry per mark written (military-id, case-papers, account twice, court-record); none for refused or failed ones');
    });
  });
}
