// Bounded work (docs/security.md): limits on every collection a request carries, a time budget, yielding claim
// checks (other readers are answered meanwhile), and statistics uploads that cannot blow up: gzip bombs refused by a
// byte cap while hashing, JSON with millions of values or deep nesting refused before it is parsed.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { generateStatsTsv } from '../../bench/synthetic-stats.ts';
import { buildApp } from '../../src/api/app.ts';
import { statusOfDomain } from '../../src/api/problem.ts';
import { checkClaims, claimsFileSchema } from '../../src/asylum/claims/check.ts';
import { hashFile } from '../../src/asylum/import/input.ts';
import { importStatistics } from '../../src/asylum/import/load.ts';
import { listReleases } from '../../src/asylum/query/releases.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { Budget, checkJsonShape, LIMITS } from '../../src/shared/limits.ts';
import { present } from '../../src/shared/present.ts';
import { ASSETS } from '../helpers/asylum.ts';
import { ENGINES } from '../helpers/engines.ts';

const OPERATOR = 'operator-token-0123456789abcdef';
const directory = loadDirectory();
const kb = loadKnowledgeBase();
const CLAIMS = (parseYaml(readFileSync(path.resolve(ASSETS, '../claims/russian-asylum-claims.yaml'), 'utf8')) as { claims: Array<Record<string, unknown>> })
  .claims;
const claims = (n: number) => Array.from({ length: n }, (_, i) => ({ ...present(CLAIMS[i % CLAIMS.length], 'a shipped claim'), id: `claim-${i}` }));

/** A gzip stream of `gib` GiB of zeros, written as repeated gzip members (valid: gunzip reads them as one stream). */
async function gzipBomb(file: string, mib: number): Promise<void> {
  const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  const out = createWriteStream(file);
  for (let i = 0; i < mib / 64; i += 1) if (!out.write(member)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const isLimit = (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.LimitExceeded;

describe('bounds (pure)', () => {
  it('the JSON shape scan counts values and depth without parsing, strings skipped', () => {
    assert.deepEqual(checkJsonShape('{"a":[1,2,3],"b":{"c":"x,[{"}}', 'f'), { values: 3, depth: 2 });
    assert.throws(() => checkJsonShape(`[${'0,'.repeat(10)}0]`, 'f', { values: 5, depth: 10 }), isLimit);
    assert.throws(() => checkJsonShape(`${'['.repeat(11)}${']'.repeat(11)}`, 'f', { values: 5, depth: 10 }), isLimit);
    assert.doesNotThrow(() => checkJsonShape('["a\\",\\",\\",\\",\\",\\""]', 'f', { values: 0, depth: 1 }));
  });

  it('a spent budget stops work with a coded 503', () => {
    let now = 0;
    const budget = new Budget(100, () => now);
    budget.check('x');
    now = 101;
    assert.throws(
      () => budget.check('the claim check'),
      (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.TimeBudget && /time budget of 100 ms/.test(e.message),
    );
    assert.equal(statusOfDomain(ErrorCode.TimeBudget), 503);
    assert.equal(statusOfDomain(ErrorCode.LimitExceeded), 413);
  });

  it('a gzip bomb is refused by the byte cap while hashing, before it is inflated whole', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bomb-'));
    try {
      const file = path.join(dir, 'bomb.tsv.gz');
      await gzipBomb(file, 1024); // 1 GiB of zeros in about 1 MB
      assert.ok(statSync(file).size < 2 * 1024 * 1024, 'the bomb is small on disk');
      // The cap stops inflation at 16 MiB: 1/64 of the content is all that is ever decompressed.
      await assert.rejects(
        hashFile(file, { name: 'bomb.tsv.gz', maxBytes: 16 * 1024 * 1024 }),
        (e: unknown) =>
          isLimit(e) && /larger than 16,777,216 bytes after decompression/.test((e as Error).message) && /bomb\.tsv\.gz/.test((e as Error).message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const engine of ENGINES) {
  describe(`bounded work on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      await importStatistics(db, path.join(ASSETS, 'migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz'));
      await importStatistics(db, path.join(ASSETS, 'unhcr_asylum_applications_RUS.csv.gz'));
      app = await buildApp({
        config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0', OTKAZ_OPERATOR_TOKEN: OPERATOR }),
        db,
        directory,
        kb,
      });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it(`a claim check takes at most ${LIMITS.claimsPerCheck} claims`, async () => {
      const many = await app.inject({ method: 'POST', url: '/api/v1/claims/check', payload: { claims: claims(LIMITS.claimsPerCheck + 1) } });
      assert.equal(many.statusCode, 400);
      assert.equal(many.json().code, 'api.validation');
      assert.match(many.json().detail, new RegExp(`at most ${LIMITS.claimsPerCheck} claims`));
      const ok = await app.inject({ method: 'POST', url: '/api/v1/claims/check', payload: { claims: claims(2) } });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().length, 2);
    });

    it('collections in queries are bounded: destinations, articles, claim levels', async () => {
      const dest = Array.from({ length: LIMITS.destinations + 1 }, () => 'DEU').join(',');
      for (const url of [
        `/api/v1/stats/series?dest=${dest}`,
        `/api/v1/stats/rates?dest=${dest}`,
        `/api/v1/stats/prosecutions?articles=${Array.from({ length: LIMITS.articles + 1 }, (_, i) => String(300 + i)).join(',')}`,
      ]) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().code, 'api.validation', url);
      }
      const claim = present(CLAIMS[0], 'a shipped claim');
      const levels = { ...claim, quantity: { ...(claim.quantity as object), levels: Array.from({ length: LIMITS.levels + 1 }, () => 'FI') } };
      const res = await app.inject({ method: 'POST', url: '/api/v1/claims/check', payload: { claims: [levels] } });
      assert.equal(res.statusCode, 400);
      assert.equal(
        claimsFileSchema.safeParse({ claims: claims(LIMITS.claimsPerCheck + 1) }).success,
        true,
        'a claims file on the command line has no count bound',
      );
    });

    it('while the largest claim check runs, other readers are answered (it yields between claims)', async () => {
      const order: string[] = [];
      const check = app.inject({ method: 'POST', url: '/api/v1/claims/check', payload: { claims: claims(LIMITS.claimsPerCheck) } }).then((r) => {
        order.push('check');
        return r;
      });
      // A request arriving from the network is an event-loop task, not a microtask: modelled by starting it from a
      // timer due 5 ms after the check began. It is answered before the check (the most claims allowed, each several queries) ends
      // only if the check gives the event loop a turn — it does, per claim and per query batch; before, the check's
      // queries chained as microtasks on the embedded engine and no timer or socket was served until it ended.
      const read = new Promise((resolve) => setTimeout(resolve, 5))
        .then(() => app.inject({ method: 'GET', url: '/api/v1/stats/releases' }))
        .then((r) => {
          order.push('read');
          return r;
        });
      const [c, r] = await Promise.all([check, read]);
      assert.equal(c.statusCode, 200);
      assert.equal(r.statusCode, 200);
      assert.deepEqual(order, ['read', 'check']);
    });

    it('a claim check past its budget stops with a coded error', async () => {
      // A clock that advances 600 ms per look: the budget (1,000 ms) is spent before the second claim.
      let now = 0;
      let looked = 0;
      const parsed = claimsFileSchema.parse({ claims: claims(3) }).claims;
      const budget = new Budget(1000, () => {
        looked += 1;
        now += 600;
        return now;
      });
      await assert.rejects(
        checkClaims(db, parsed, budget),
        (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.TimeBudget && /the claim check/.test(e.message),
      );
      assert.equal(looked, 3, 'constructed, checked before claim 1, refused before claim 2');
    });

    it('an uploaded gzip bomb is refused with 413 (limits.exceeded), nothing imported', async () => {
      // 1 GiB of zeros (1 MB on the wire): the default cap (512 MiB) stops it while hashing.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bomb-'));
      try {
        const file = path.join(dir, 'bomb.gz');
        await gzipBomb(file, 1024);
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/operations/stats/import?filename=bomb.tsv.gz',
          headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/gzip' },
          payload: readFileSync(file),
        });
        assert.equal(res.statusCode, 413);
        assert.equal(res.json().code, 'limits.exceeded');
        assert.match(res.json().detail, /after decompression/);
        assert.doesNotMatch(res.body, /otkaz-upload-|\/tmp\//);
        const [n] = await db.query<{ n: number }>('select count(*)::int as n from stat_releases');
        assert.equal(n?.n, 2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a JSON upload with millions of values is a coded 413, not a RangeError (500)', async () => {
      const values = LIMITS.jsonValues + 10;
      const body = Buffer.from(`[${'0,'.repeat(values)}0]`);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=items.json',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
        payload: body,
      });
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().code, 'limits.exceeded');
      assert.match(res.json().detail, /more than 4,000,000 values/);
      // Millions of keys in one object (gzip keeps it within the upload limit): the same answer.
      const parts: Buffer[] = [Buffer.from('{"k":0')];
      for (let start = 0; start < LIMITS.jsonValues + 10; start += 100_000)
        parts.push(Buffer.from(Array.from({ length: 100_000 }, (_, i) => `,"${start + i}":0`).join('')));
      const keys = gzipSync(Buffer.concat([...parts, Buffer.from('}')]), { level: 1 });
      const res2 = await app.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=keys.json.gz',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/gzip' },
        payload: keys,
      });
      assert.equal(res2.statusCode, 413, res2.body);
    });

    it('during an upload the database keeps answering readers, who never see the release half-loaded', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-upload-load-'));
      try {
        const file = path.join(dir, 'SYNTHETIC_migr_asyappctzm.tsv');
        const rows = await generateStatsTsv(file, 60_000); // 30 chunks of 2,000 rows (embedded), 12 of 5,000 (PostgreSQL)
        const before = (await listReleases(db)).length;
        const count = async () => present((await db.query<{ n: number }>('select count(*)::int as n from stat_observations'))[0], 'the count row').n;
        const rowsBefore = await count();
        // Rows present when each reader ran, hidden ones included (the embedded engine's steps show here).
        const written: number[] = [];
        let ended = false;
        // What each reader saw of the new release: absent (null), or its observation count.
        const seen: Array<number | null> = [];
        const upload = app
          .inject({
            method: 'POST',
            url: '/api/v1/operations/stats/import?filename=SYNTHETIC_migr_asyappctzm.tsv&vintage=2026-01-01',
            headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'text/tab-separated-values' },
            payload: readFileSync(file),
          })
          .finally(() => (ended = true));
        // Readers arrive on timers (as requests from the network do) and read the database itself, not a cache.
        const readers = (async () => {
          while (!ended) {
            await new Promise((resolve) => setTimeout(resolve, 2));
            const releases = await listReleases(db);
            if (db.engine === 'pglite') written.push(await count());
            if (!ended) seen.push(releases.find((r) => r.file === 'SYNTHETIC_migr_asyappctzm.tsv')?.observations ?? null);
          }
        })();
        const res = await upload;
        await readers;
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().observations, rows);
        assert.ok(seen.length >= 2, `readers answered during the upload: ${seen.length}`);
        assert.ok(
          seen.every((n) => n === null || n === rows),
          `no reader saw the release before it was complete: ${[...new Set(seen)].join(', ')}`,
        );
        assert.ok(seen.filter((n) => n === null).length >= 2, 'readers were answered during the upload');
        // On the embedded engine, readers were answered between the chunks, not only before and after them (on
        // PostgreSQL they use other connections, and the one transaction's rows are not visible to them).
        if (db.engine === 'pglite')
          assert.ok(
            written.some((n) => n > rowsBefore && n < rowsBefore + rows),
            `readers answered while the rows were being written: ${[...new Set(written)].join(', ')}`,
          );
        assert.equal((await listReleases(db)).length, before + 1);
        // A file that fails in its last chunk leaves nothing behind (on the embedded engine: its rows are removed).
        const broken = path.join(dir, 'broken.tsv');
        const text = readFileSync(file, 'utf8');
        await import('node:fs').then((fs) => fs.writeFileSync(broken, `${text}M,PER,XX,T,TOTAL,TOTAL,DE\t${'x\t'.repeat(215)}x\n`));
        const [{ n: observationsBefore }] = (await db.query<{ n: number }>('select count(*)::int as n from stat_observations')) as [{ n: number }];
        const bad = await app.inject({
          method: 'POST',
          url: '/api/v1/operations/stats/import?filename=broken.tsv&vintage=2026-01-02',
          headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'text/tab-separated-values' },
          payload: readFileSync(broken),
        });
        assert.equal(bad.statusCode, 400, bad.body);
        const [{ n: observationsAfter }] = (await db.query<{ n: number }>('select count(*)::int as n from stat_observations')) as [{ n: number }];
        assert.equal(observationsAfter, observationsBefore);
        const [{ n: releasesAfter }] = (await db.query<{ n: number }>('select count(*)::int as n from stat_releases')) as [{ n: number }];
        assert.equal(releasesAfter, before + 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('JSON nested deeper than the bound is refused before parsing', async () => {
      const deep = Buffer.from(`${'['.repeat(LIMITS.jsonDepth + 1)}${']'.repeat(LIMITS.jsonDepth + 1)}`);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=deep.json',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
        payload: deep,
      });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'limits.exceeded');
    });
  });
}
