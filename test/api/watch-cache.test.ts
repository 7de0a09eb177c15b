// The response cache knows the deletion watch (#15): a removal recorded by another process (the CLI's `watch
// classify` against a shared database) changes the data version, so cached case pages, event lists and feeds do
// not keep saying "still there".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { buildApp } from '../../src/api/app.ts';
import { ResponseCache } from '../../src/api/cache.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { classifyWatch } from '../../src/courts/watch/classify.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bundledKnowledgeBase } from '../helpers/kb.ts';

const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';

for (const engine of ENGINES) {
  describe(`response cache and the deletion watch: ${engine.name}`, () => {
    it('a removal written by another process changes the data version', async () => {
      const { db, drop } = await engine.create();
      const directory = loadDirectory();
      try {
        await ingestTestCard(db, directory);
        await ingestPage(
          db,
          directory,
          {
            bytes: iconv.encode('<html><body><div id="modSdpContent">SYNTHETIC test page: Данных по запросу не обнаружено</div></body></html>', 'win1251'),
            url: CARD_URL,
            retrievedAt: '2026-05-02T08:30:00Z',
            httpStatus: 200,
            httpHeaders: [['Content-Type', 'text/html; charset=windows-1251']],
            source: 'crawl',
            sourceRef: 'test',
            synthetic: true,
          },
          'test-person-key-0123456789',
        );
        const app = await buildApp({
          config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }),
          db,
          directory,
          kb: bundledKnowledgeBase(),
          cache: new ResponseCache(db, 100, 0),
        });
        try {
          const before = await app.inject({ url: '/api/v1/watch/events' });
          assert.deepEqual(before.json(), []);
          assert.equal((await app.inject({ url: '/api/v1/watch/events' })).headers['x-otkaz-cache'], 'hit', 'the answer is cached');
          assert.equal((await classifyWatch(db)).removed, 1);
          // The data version moved: the cached answer is now served as stale while the new one is computed.
          const after = await app.inject({ url: '/api/v1/watch/events' });
          assert.equal(after.headers['x-otkaz-cache'], 'stale');

          // The feed's links carry an origin: one caller's Host header never reaches another reader.
          const selfOf = (body: string) => /<link rel="self"[^>]*href="([^"]+)"/.exec(body)?.[1] ?? /href="([^"]+)"[^>]*rel="self"/.exec(body)?.[1];
          const evil = await app.inject({ url: '/api/v1/watch/feed.atom', headers: { host: 'evil.example' } });
          assert.equal(evil.statusCode, 200, evil.body);
          const honest = await app.inject({ url: '/api/v1/watch/feed.atom', headers: { host: 'otkaz.example.test' } });
          assert.equal(selfOf(honest.body), 'http://otkaz.example.test/api/v1/watch/feed.atom');
          assert.ok(!honest.body.includes('evil.example'), 'no link of the first caller');
        } finally {
          await app.close();
        }
      } finally {
        await drop();
      }
    });
  });
}
