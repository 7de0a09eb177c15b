// A capture's URL can name a person — a page ingested from a file named after the client (`file:<name>.html`), or a
// court site's search by party name (`G1_PARTS__NAMESS=…`, UTF-8 or windows-1251 percent-encoding). Reads show the
// URL without it (src/privacy/urls.ts); the stored URL stays exact for the WARC export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { publicUrl } from '../../src/privacy/urls.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';

/** An invented person, as a lawyer might name a client's file or search a court site. */
const NAME = 'Громов Глеб Геннадьевич';
const CP1251 = [...iconv.encode('Громов Глеб', 'win1251')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const LEAKS = [/Громов/i, /Глеб/i, new RegExp(CP1251.slice(0, 12), 'i'), /%D0%93%D1%80%D0%BE/i];

describe('publicUrl', () => {
  it('keeps court ids, codes and dates; withholds every other value, file names and what is not a URL', () => {
    const card =
      'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';
    assert.equal(publicUrl(card), card);
    assert.equal(
      publicUrl(`https://2kas.sudrf.ru/modules.php?name=sud_delo&G1_PARTS__NAMESS=${CP1251}&g1_case__ENTRY_DATE1D=01.01.2024`),
      'https://2kas.sudrf.ru/modules.php?name=sud_delo&G1_PARTS__NAMESS=…&g1_case__ENTRY_DATE1D=01.01.2024',
    );
    assert.equal(publicUrl(`https://x.sudrf.ru/a?q=${encodeURIComponent(NAME)}`), 'https://x.sudrf.ru/a?q=…');
    assert.equal(publicUrl(`https://x.sudrf.ru/${encodeURIComponent('Громов')}/page`), 'https://x.sudrf.ru/…/page');
    assert.equal(publicUrl(`file:${NAME}.html`), 'file:….html');
    assert.equal(publicUrl('file:pages/Громов'), 'file:…');
    assert.equal(publicUrl('javascript:alert(1)'), '…');
    assert.equal(publicUrl(null), null);
    // Latin spellings: a party-name key's value is withheld whatever it looks like; a file named like a person too.
    assert.equal(
      publicUrl('https://x.sudrf.ru/m.php?name=sud_delo&G1_PARTS__NAMESS=Gromov&case_id=7'),
      'https://x.sudrf.ru/m.php?name=sud_delo&G1_PARTS__NAMESS=…&case_id=7',
    );
    assert.equal(publicUrl('https://x.sudrf.ru/files/Gromov_Gleb_Gennadievich.pdf'), 'https://x.sudrf.ru/files/…');
    assert.equal(
      publicUrl('https://x.sudrf.ru/modules.php?name=sud_delo&name_op=doc&number=12345&delo_id=1540006'),
      'https://x.sudrf.ru/modules.php?name=sud_delo&name_op=doc&number=12345&delo_id=1540006',
    );
  });
});

for (const engine of ENGINES) {
  describe(`capture URLs in public answers on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      const directory = loadDirectory();
      await syncCourts(db, directory);
      const page = (bytes: Buffer, url: string) => ({
        bytes,
        url,
        retrievedAt: '2026-04-20T10:00:00Z',
        httpStatus: 200,
        httpHeaders: [['Content-Type', 'text/html; charset=utf-8']] as [string, string][],
        source: 'file' as const,
        sourceRef: 'test',
        synthetic: false,
      });
      await ingestPage(db, directory, page(fixture('leninsky_ufa_criminal.html'), `file:${NAME}.html`), 'test-person-key-0123456789');
      await ingestPage(
        db,
        directory,
        page(
          fixture('blag_card.html'),
          `https://blag--amr.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=7&G1_PARTS__NAMESS=${CP1251}&q=${encodeURIComponent(NAME)}`,
        ),
        'test-person-key-0123456789',
      );
      app = await buildApp({ config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }), db, directory, kb: loadKnowledgeBase() });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it('no capture, case, history or redacted rendering shows a name from the URL; the stored URL is exact', async () => {
      const stored = await db.query<{ id: number; url: string }>('select id, url from captures order by id');
      assert.equal(stored.length, 2);
      const [first] = stored;
      assert.ok(first, 'a stored capture');
      assert.equal(first.url, `file:${NAME}.html`, 'the archive keeps the URL as given');
      const urls = ['/api/v1/cases?pageSize=200'];
      for (const c of (await app.inject({ url: '/api/v1/cases?pageSize=200' })).json().rows as { id: number }[])
        urls.push(`/api/v1/cases/${c.id}`, `/api/v1/cases/${c.id}/captures`);
      for (const p of stored) urls.push(`/api/v1/captures/${p.id}`, `/api/v1/captures/${p.id}/redacted`, `/api/v1/captures/${p.id}/redacted?format=html`);
      assert.ok(urls.length >= 8, `cases and captures to read: ${urls.length}`);
      for (const url of urls) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 200, url);
        for (const leak of LEAKS) assert.doesNotMatch(res.body, leak, `${url} shows ${leak}`);
      }
      const meta = (await app.inject({ url: `/api/v1/captures/${first.id}` })).json();
      assert.equal(meta.url, 'file:….html');
    });
  });
}
