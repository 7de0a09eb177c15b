// The route checker's page takes its answers by POST (a form body), so that what a person says of himself (a
// deserter, a case open) is in no URL, history or Referer: the answer page, kept by no cache; refused values are
// coded problems naming the field; the GET page and the JSON API are unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ENGINES } from '../helpers/engines.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

for (const engine of ENGINES) {
  describe(`route checker page by POST on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      app = await buildApp({
        config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }),
        db,
        directory: loadDirectory(),
        kb: loadKnowledgeBase(),
      });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it('answers the form body as the GET page answers its query, kept by no cache, linking to no answer', async () => {
      const body = 'lang=en&status=deserter&documents=internal_passport&documents=international_passport&case=1&location=rus';
      const posted = await app.inject({ method: 'POST', url: '/guidance/route', headers: form, payload: body });
      assert.equal(posted.statusCode, 200, posted.body);
      assert.match(String(posted.headers['content-type']), /^text\/html/);
      assert.equal(posted.headers['cache-control'], 'no-store');
      assert.equal(posted.headers['referrer-policy'], 'no-referrer');
      const got = await app.inject({ url: `/guidance/route?${body}` });
      assert.equal(got.statusCode, 200);
      // The same result: the situation and destinations (the pages differ only in the language link).
      const main = (html: string) => html.slice(html.indexOf('<main>'));
      assert.equal(main(posted.body), main(got.body));
      assert.match(posted.body, /<option value="deserter" selected>/);
      assert.match(posted.body, /value="international_passport" checked/);
      assert.doesNotMatch(posted.body, /href="[^"]*[?&;](status|case|documents|location)=/);
      assert.match(posted.body, /<form method="post" action="\/guidance\/route">/);
    });

    it('a refused answer is a coded problem naming the field', async () => {
      const res = await app.inject({ method: 'POST', url: '/guidance/route', headers: form, payload: 'status=general' });
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.match(res.body, /status/);
      const location = await app.inject({ method: 'POST', url: '/guidance/route', headers: form, payload: 'status=civilian&location=Germany' });
      assert.equal(location.statusCode, 400);
      assert.match(location.body, /location/);
    });
  });
}
