// Access to evidence (issue #11, finding 2) and private answers (finding 11), on both engines: raw captures and WARC
// exports need a token unless the deployment opens them; the public gets a redacted rendering that names the
// sha256 of the original bytes; private answers are never stored by caches nor served across actors; HSTS only
// when the deployment is served over HTTPS.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { decide } from '../../src/ops/policy.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

const OPERATOR = 'operator-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdefgh';
const directory = loadDirectory();
const kb = loadKnowledgeBase();
const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';
/** Full names published on the fixture's card (a defendant, a lawyer): never in a public answer. */
const FULL_NAMES = [/Никитина\s+Алина/, /Алина\s+Романовна/, /Фролова\s+Надежда/, /Надежда\s+Викторовна/];
const SHA = /^2d621169ee315353[0-9a-f]{48}$/;

function config(extra: Record<string, string> = {}) {
  return loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0', ...extra });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('evidence access decisions', () => {
  it('evidence needs the read or operator token unless the deployment opens it', () => {
    assert.deepEqual(decide('evidence', null, {}), { allow: false, reason: 'unauthorized' });
    assert.deepEqual(decide('evidence', 'some-token', {}), { allow: false, reason: 'forbidden' });
    assert.deepEqual(decide('evidence', null, { operatorToken: OPERATOR }), { allow: false, reason: 'unauthorized' });
    assert.deepEqual(decide('evidence', OPERATOR, { operatorToken: OPERATOR }), { allow: true, role: 'operator' });
    assert.deepEqual(decide('evidence', READER, { readToken: READER }), { allow: true, role: 'reader' });
    assert.deepEqual(decide('evidence', READER, { operatorToken: OPERATOR }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(decide('evidence', null, { publicEvidence: true }), { allow: true, role: 'anonymous' });
    // Opened evidence is as open as reads: a private deployment still wants a token.
    assert.deepEqual(decide('evidence', null, { publicEvidence: true, readToken: READER }), { allow: false, reason: 'unauthorized' });
    assert.deepEqual(decide('evidence', READER, { publicEvidence: true, readToken: READER }), { allow: true, role: 'reader' });
  });

  it('configuration: OTKAZ_PUBLIC_EVIDENCE and OTKAZ_HTTPS are true/false flags, off by default', () => {
    const defaults = config();
    assert.equal(defaults.publicEvidence, false);
    assert.equal(defaults.https, false);
    assert.equal(config({ OTKAZ_PUBLIC_EVIDENCE: 'true', OTKAZ_HTTPS: '1' }).publicEvidence, true);
    assert.equal(config({ OTKAZ_HTTPS: 'true' }).https, true);
    assert.equal(config({ OTKAZ_PUBLIC_EVIDENCE: 'false' }).publicEvidence, false);
    assert.throws(
      () => config({ OTKAZ_PUBLIC_EVIDENCE: 'yes please' }),
      (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.ConfigInvalid && /OTKAZ_PUBLIC_EVIDENCE/.test(e.message),
    );
  });
});

for (const engine of ENGINES) {
  describe(`evidence and private answers on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let open: FastifyInstance; // no tokens configured
    let operated: FastifyInstance; // an operator token, reads public
    let closed: FastifyInstance; // private reads: read and operator tokens
    let opened: FastifyInstance; // OTKAZ_PUBLIC_EVIDENCE=true
    let https: FastifyInstance;
    let caseId: number;
    let captureId: number;
    before(async () => {
      ({ db, drop } = await engine.create());
      await ingestTestCard(db, directory);
      open = await buildApp({ config: config(), db, directory, kb });
      operated = await buildApp({ config: config({ OTKAZ_OPERATOR_TOKEN: OPERATOR }), db, directory, kb });
      closed = await buildApp({ config: config({ OTKAZ_OPERATOR_TOKEN: OPERATOR, OTKAZ_READ_TOKEN: READER }), db, directory, kb });
      opened = await buildApp({ config: config({ OTKAZ_PUBLIC_EVIDENCE: 'true' }), db, directory, kb });
      https = await buildApp({ config: config({ OTKAZ_HTTPS: 'true' }), db, directory, kb });
      const [row] = await db.query<{ case_id: number; capture_id: number }>('select case_id, capture_id from case_history order by id limit 1');
      assert.ok(row, 'the ingested case has a history row');
      caseId = row.case_id;
      captureId = row.capture_id;
    });
    after(async () => {
      for (const app of [open, operated, closed, opened, https]) await app?.close();
      await drop();
    });

    it('anonymous raw captures and WARC downloads: 401 problem+json, by default', async () => {
      for (const app of [open, operated]) {
        for (const url of [`/api/v1/captures/${captureId}/raw`, `/api/v1/cases/${caseId}/warc`, `/api/v1/cases/${caseId}/evidence-packet`]) {
          const res = await app.inject({ url });
          assert.equal(res.statusCode, 401, `${url}: ${res.body.slice(0, 200)}`);
          assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
          assert.equal(res.json().code, 'api.unauthorized');
          assert.equal(res.headers['www-authenticate'], 'Bearer');
          assert.match(res.json().detail, /redacted/, 'the refusal points to the redacted rendering');
          assert.doesNotMatch(res.body, /Никитина/);
        }
      }
      assert.equal(
        (await operated.inject({ url: `/api/v1/captures/${captureId}/raw`, headers: bearer(READER) })).statusCode,
        403,
        'a token this server does not know',
      );
    });

    it('with the read or operator token: the bytes as captured and the WARC', async () => {
      const cases: Array<[FastifyInstance, string]> = [
        [operated, OPERATOR],
        [closed, READER],
        [closed, OPERATOR],
      ];
      for (const [app, token] of cases) {
        const raw = await app.inject({ url: `/api/v1/captures/${captureId}/raw`, headers: bearer(token) });
        assert.equal(raw.statusCode, 200);
        assert.match(String(raw.headers['x-otkaz-sha256']), SHA);
        assert.match(String(raw.headers['content-security-policy']), /^sandbox/);
        assert.equal(raw.headers['cache-control'], 'private, no-store');
        const warc = await app.inject({ url: `/api/v1/cases/${caseId}/warc`, headers: bearer(token) });
        assert.equal(warc.statusCode, 200);
        assert.equal(warc.headers['content-type'], 'application/warc');
        assert.ok(warc.body.startsWith('WARC/1.1'));
      }
      assert.equal((await closed.inject({ url: `/api/v1/captures/${captureId}/raw` })).statusCode, 401);
    });

    it('the evidence packet: decided as the raw capture is; a zip for the read token, each download in the chain of custody', async () => {
      const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from evidence_exports'))[0]?.n ?? -1;
      const before = await count();
      assert.equal((await closed.inject({ url: `/api/v1/cases/${caseId}/evidence-packet` })).statusCode, 401);
      assert.equal((await operated.inject({ url: `/api/v1/cases/${caseId}/evidence-packet`, headers: bearer(READER) })).statusCode, 403);
      assert.equal(await count(), before, 'a refusal exports nothing');
      const res = await closed.inject({ url: `/api/v1/cases/${caseId}/evidence-packet`, headers: bearer(READER) });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], 'application/zip');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="case-${caseId}-export-\\d+\\.zip"$`));
      assert.equal(res.rawPayload.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
      const [row] = await db.query<{ actor_kind: string; surface: string; manifest_sha256: string }>(
        'select actor_kind, surface, manifest_sha256 from evidence_exports order by id desc limit 1',
      );
      assert.deepEqual(row, { actor_kind: 'reader', surface: 'api', manifest_sha256: res.headers['x-otkaz-manifest-sha256'] });
      assert.equal((await closed.inject({ url: '/api/v1/cases/999999/evidence-packet', headers: bearer(READER) })).statusCode, 404);
    });

    it('a deployment that opens evidence (OTKAZ_PUBLIC_EVIDENCE=true) serves it to anyone', async () => {
      const raw = await opened.inject({ url: `/api/v1/captures/${captureId}/raw` });
      assert.equal(raw.statusCode, 200);
      assert.match(String(raw.headers['x-otkaz-sha256']), SHA);
      assert.equal((await opened.inject({ url: `/api/v1/cases/${caseId}/warc` })).statusCode, 200);
    });

    it('the public gets a redacted rendering: sha256 of the original bytes, URL, time, and no full name', async () => {
      for (const app of [open, opened]) {
        const res = await app.inject({ url: `/api/v1/captures/${captureId}/redacted` });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as {
          capture: { id: number; sha256: string; url: string; retrieved_at: string };
          notice: string;
          redacted: boolean;
          page: { kind: string; card?: { defendants: Array<{ name: string }> } };
        };
        assert.match(body.capture.sha256, SHA);
        assert.equal(body.capture.url, CARD_URL);
        assert.equal(new Date(body.capture.retrieved_at).toISOString(), '2026-04-20T10:00:00.000Z');
        assert.equal(body.redacted, true);
        assert.match(body.notice, /redacted rendering/i);
        assert.match(body.notice, /not the evidence/i);
        assert.equal(body.page.kind, 'case_card');
        assert.deepEqual(
          body.page.card?.defendants.map((d) => d.name),
          ['Н.А.Р.'],
        );
        for (const name of FULL_NAMES) assert.doesNotMatch(res.body, name);
      }
      const html = await open.inject({ url: `/api/v1/captures/${captureId}/redacted?format=html` });
      assert.equal(html.statusCode, 200);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.match(html.body, /<html lang="ru">/);
      assert.match(html.body, /2d621169ee315353[0-9a-f]{48}/);
      assert.match(html.body, /Н\.А\.Р\./);
      assert.match(html.body, /not the evidence/);
      assert.doesNotMatch(html.body, /<script/i, 'page text is shown as text, never as markup');
      for (const name of FULL_NAMES) assert.doesNotMatch(html.body, name);
      assert.equal((await open.inject({ url: '/api/v1/captures/99999/redacted' })).statusCode, 404);
      assert.equal((await closed.inject({ url: `/api/v1/captures/${captureId}/redacted` })).statusCode, 401, 'a private deployment keeps it private');
      assert.equal((await closed.inject({ url: `/api/v1/captures/${captureId}/redacted`, headers: bearer(READER) })).statusCode, 200);
    });

    it("a case says whether its caller may fetch the evidence; the cache never gives one actor's answer to another", async () => {
      const asOperator = await operated.inject({ url: `/api/v1/cases/${caseId}`, headers: bearer(OPERATOR) });
      assert.equal(asOperator.json().access.evidence, true);
      const anonymous = await operated.inject({ url: `/api/v1/cases/${caseId}` });
      assert.equal(anonymous.json().access.evidence, false, "not the operator's cached answer");
      const again = await operated.inject({ url: `/api/v1/cases/${caseId}`, headers: bearer(OPERATOR) });
      assert.equal(again.headers['x-otkaz-cache'], 'hit');
      assert.equal(again.json().access.evidence, true);
      assert.equal((await operated.inject({ url: `/api/v1/cases/${caseId}` })).json().access.evidence, false);
      assert.equal((await opened.inject({ url: `/api/v1/cases/${caseId}` })).json().access.evidence, true);
    });

    it('private mode: every read answer is Cache-Control: private, no-store with Vary: Authorization; public mode leaves reads cacheable', async () => {
      for (const headers of [bearer(READER), bearer(OPERATOR), {}]) {
        for (const url of ['/api/v1/cases', '/api/v1/cases', `/api/v1/cases/${caseId}`, '/api/v1/courts', '/guidance']) {
          const res = await closed.inject({ url, headers });
          assert.equal(res.headers['cache-control'], 'private, no-store', `${url} ${res.statusCode}`);
          assert.match(String(res.headers.vary), /Authorization/i, url);
        }
      }
      const hit = await closed.inject({ url: '/api/v1/cases', headers: bearer(READER) });
      assert.equal(hit.headers['x-otkaz-cache'], 'hit');
      assert.equal(hit.headers['cache-control'], 'private, no-store');
      const publicRead = await open.inject({ url: '/api/v1/cases' });
      assert.notEqual(publicRead.headers['cache-control'], 'private, no-store');
      // Public, but its answer depends on the caller (access.evidence): shared caches key it by Authorization.
      assert.match(String((await open.inject({ url: `/api/v1/cases/${caseId}` })).headers.vary), /Authorization/i);
      assert.equal(
        (await open.inject({ url: `/api/v1/captures/${captureId}/raw` })).headers['cache-control'],
        'private, no-store',
        'evidence is private by default',
      );
    });

    it('HSTS and upgrade-insecure-requests only when the deployment is served over HTTPS', async () => {
      const plain = await open.inject({ url: '/api/v1/courts' });
      assert.equal(plain.headers['strict-transport-security'], undefined);
      assert.doesNotMatch(String(plain.headers['content-security-policy']), /upgrade-insecure-requests/);
      assert.match(String(plain.headers['content-security-policy']), /default-src 'none'/);
      const secure = await https.inject({ url: '/api/v1/courts' });
      assert.match(String(secure.headers['strict-transport-security']), /max-age=\d+/);
      assert.match(String(secure.headers['content-security-policy']), /upgrade-insecure-requests/);
    });
  });
}
